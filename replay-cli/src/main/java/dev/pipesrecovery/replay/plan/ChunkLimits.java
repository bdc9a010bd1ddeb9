package dev.pipesrecovery.replay.plan;

/**
 * When a hot partition key is split into chunks: a chunk closes once it holds {@code maxRecords} records, or before
 * a record would take it past {@code maxBytes} (a record larger than that is a chunk of its own). The user records
 * of one KPL aggregate are never split across chunks.
 *
 * <p>Chunks of one key still run one after the other (order per key), so splitting buys no speed: it bounds the
 * work behind one Map Run item. The defaults keep an item at about 17 minutes at 10 records/s per worker, so the
 * Map Run's item counts (DescribeMapRun, the console) show progress on a hot key, the run report has a line per
 * chunk, and a chunk that fails is what a redrive restarts (from its checkpoint).
 */
public record ChunkLimits(long maxRecords, long maxBytes) {

    /** 10,000 records or 64 MiB, whichever comes first. */
    public static final ChunkLimits DEFAULT = new ChunkLimits(10_000, 64L * 1024 * 1024);

    public ChunkLimits {
        if (maxRecords < 1 || maxBytes < 1) {
            throw new IllegalArgumentException(
                    "chunk limits must be >= 1: " + maxRecords + " records, " + maxBytes + " bytes");
        }
    }
}
