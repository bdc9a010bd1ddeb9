package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.retry.BackoffPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of {@link KinesisRangeReader}.
 *
 * @param callsPerSecondPerShard  GetShardIterator + GetRecords calls per second on one shard, across all reads of this
 *                                reader. The pipe reads the same shard and a shard allows 5 GetRecords/s in all
 *                                (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html), so
 *                                the default is 2 and more than 5 is refused.
 * @param maxRecordsPerCall       GetRecords {@code Limit} cap, 1-10,000 (the API maximum)
 * @param emptyPagesAtTip         consecutive empty pages with {@code MillisBehindLatest == 0} after which the shard
 *                                has nothing more to give
 * @param maxEmptyPagesBehindTip  consecutive empty pages while still behind the tip before giving up (a read that makes
 *                                no progress is retried later rather than looping forever)
 * @param maxIteratorRenewals     expired iterators renewed in one read
 * @param backoff                 for throttling, 5xx and network errors (full jitter); its attempts bound each call
 */
public record KinesisReaderSettings(
        double callsPerSecondPerShard,
        int maxRecordsPerCall,
        int emptyPagesAtTip,
        int maxEmptyPagesBehindTip,
        int maxIteratorRenewals,
        BackoffPolicy backoff) {

    public static final double MAX_CALLS_PER_SECOND_PER_SHARD = 5;
    public static final int MAX_RECORDS_PER_CALL = 10_000;

    public KinesisReaderSettings {
        Objects.requireNonNull(backoff, "backoff");
        if (!(callsPerSecondPerShard > 0) || callsPerSecondPerShard > MAX_CALLS_PER_SECOND_PER_SHARD) {
            throw new IllegalArgumentException(
                    "callsPerSecondPerShard must be in (0, 5] (the shard's GetRecords limit, "
                            + "shared with the pipe), was " + callsPerSecondPerShard);
        }
        if (maxRecordsPerCall < 1 || maxRecordsPerCall > MAX_RECORDS_PER_CALL) {
            throw new IllegalArgumentException("maxRecordsPerCall must be 1-10000, was " + maxRecordsPerCall);
        }
        if (emptyPagesAtTip < 1 || maxEmptyPagesBehindTip < 1 || maxIteratorRenewals < 0) {
            throw new IllegalArgumentException(
                    "emptyPagesAtTip and maxEmptyPagesBehindTip must be >= 1, " + "maxIteratorRenewals >= 0");
        }
    }

    public static KinesisReaderSettings defaults() {
        return new KinesisReaderSettings(
                2,
                MAX_RECORDS_PER_CALL,
                3,
                50,
                10,
                new BackoffPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), 8));
    }

    public KinesisReaderSettings withCallsPerSecondPerShard(double value) {
        return new KinesisReaderSettings(
                value, maxRecordsPerCall, emptyPagesAtTip, maxEmptyPagesBehindTip, maxIteratorRenewals, backoff);
    }

    public KinesisReaderSettings withMaxRecordsPerCall(int value) {
        return new KinesisReaderSettings(
                callsPerSecondPerShard, value, emptyPagesAtTip, maxEmptyPagesBehindTip, maxIteratorRenewals, backoff);
    }

    public KinesisReaderSettings withBackoff(BackoffPolicy value) {
        return new KinesisReaderSettings(
                callsPerSecondPerShard,
                maxRecordsPerCall,
                emptyPagesAtTip,
                maxEmptyPagesBehindTip,
                maxIteratorRenewals,
                value);
    }

    /** The shortest gap between two calls on one shard. */
    public Duration minInterval() {
        return Duration.ofNanos((long) Math.ceil(1_000_000_000d / callsPerSecondPerShard));
    }
}
