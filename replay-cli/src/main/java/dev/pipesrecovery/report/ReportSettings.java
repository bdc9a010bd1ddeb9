package dev.pipesrecovery.report;

/**
 * How much {@code pipes-replay report} may read and how it draws.
 *
 * @param maxReads        archived records read (one GET each) for their condition; 0 reads none
 * @param bucketMinutes   timeline bucket width; 0 picks the narrowest that keeps the chart readable
 * @param top             rows in the top partition keys and shards tables
 * @param readParallelism concurrent GETs
 */
public record ReportSettings(int maxReads, int bucketMinutes, int top, int readParallelism) {

    public ReportSettings {
        if (maxReads < 0 || bucketMinutes < 0 || top < 1 || readParallelism < 1) {
            throw new IllegalArgumentException(
                    "need maxReads >= 0, bucketMinutes >= 0, top >= 1, readParallelism >= 1");
        }
    }
}
