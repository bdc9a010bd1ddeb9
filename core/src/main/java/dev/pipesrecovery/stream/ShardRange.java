package dev.pipesrecovery.stream;

import java.util.Objects;

/**
 * The records a DLQ message points at: {@code [start, end]} (inclusive) on one shard, {@code expectedCount} of them
 * ({@code batchSize} in the DLQ message).
 */
public record ShardRange(String streamArn, String shardId, SequenceNumber start, SequenceNumber end, int expectedCount) {

    public ShardRange {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("endSequenceNumber " + end + " is before startSequenceNumber " + start);
        }
        if (expectedCount < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + expectedCount);
        }
    }

    public boolean contains(SequenceNumber sequenceNumber) {
        return !sequenceNumber.isBefore(start) && !sequenceNumber.isAfter(end);
    }
}
