package dev.pipesrecovery.stream;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link StreamRangeReader} found for a range: the records in shard order (plain Kinesis records, KPL
 * aggregates not yet opened), whether the range was whole, and for a loss a human-readable reason.
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

    /** Records of the range that could not be read (never negative). */
    public int missingCount() {
        return Math.max(0, range.expectedCount() - records.size());
    }
}
