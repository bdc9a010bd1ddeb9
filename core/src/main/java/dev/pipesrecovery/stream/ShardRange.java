package dev.pipesrecovery.stream;

import java.util.Objects;

/**
 * The records a DLQ message points at: every record of one shard in {@code [start, end]} (inclusive).
 * {@code expectedCount} is the message's {@code batchSize}: at least that many, and more when the batch was not one
 * contiguous run of the shard (docs/aws-facts.md §11.1) — it never cuts the range short.
 */
public record ShardRange(
        String streamArn, String shardId, SequenceNumber start, SequenceNumber end, int expectedCount) {

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
