package dev.pipesrecovery.stream;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link StreamRangeReader} found for a range: every record of the shard in {@code [start, end]}, in shard order
 * (plain Kinesis records, KPL aggregates not yet opened), whether the range was whole, and for a loss a human-readable
 * reason. A range can hold more records than its {@code batchSize} (docs/aws-facts.md §11.1): see
 * {@link #widerThanBatch()}.
 */
public record RangeRead(ShardRange range, List<StreamRecord> records, RangeStatus status, String lossReason) {

    public RangeRead {
        Objects.requireNonNull(range, "range");
        records = List.copyOf(records);
        Objects.requireNonNull(status, "status");
        if (status != RangeStatus.COMPLETE && (lossReason == null || lossReason.isBlank())) {
            throw new IllegalArgumentException("a " + status + " read needs a loss reason");
        }
    }

    public static RangeRead complete(ShardRange range, List<StreamRecord> records) {
        return new RangeRead(range, records, RangeStatus.COMPLETE, null);
    }

    /** Records read in {@code [start, end]} (DESIGN.md {@code failure.batch.recordsInRange}). */
    public int recordsInRange() {
        return records.size();
    }

    /**
     * More records in the range than its batch held: the batch was not one contiguous run of the shard
     * (ParallelizationFactor > 1, filters), so some of these records may have been delivered by the pipe.
     */
    public boolean widerThanBatch() {
        return records.size() > range.expectedCount();
    }

    /** Records of the range that could not be read (never negative). */
    public int missingCount() {
        return Math.max(0, range.expectedCount() - records.size());
    }
}
