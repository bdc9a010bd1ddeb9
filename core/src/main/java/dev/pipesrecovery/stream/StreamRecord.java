package dev.pipesrecovery.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * One record as read from a shard, or one KPL user record taken out of an aggregate (then
 * {@code subSequenceNumber} is its index inside the aggregate; {@code null} for a plain record).
 *
 * <p>{@code data} is the exact bytes the stream holds. It is not copied (records can be 1 MiB and more): callers
 * must not mutate the array.
 */
public record StreamRecord(
        String shardId,
        SequenceNumber sequenceNumber,
        Long subSequenceNumber,
        String partitionKey,
        Instant approximateArrivalTimestamp,
        byte[] data) {

    public StreamRecord {
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(approximateArrivalTimestamp, "approximateArrivalTimestamp");
        Objects.requireNonNull(data, "data");
        if (subSequenceNumber != null && subSequenceNumber < 0) {
            throw new IllegalArgumentException("subSequenceNumber must be >= 0");
        }
    }

    /** A plain (not aggregated) record. */
    public static StreamRecord plain(
            String shardId,
            SequenceNumber sequenceNumber,
            String partitionKey,
            Instant approximateArrivalTimestamp,
            byte[] data) {
        return new StreamRecord(shardId, sequenceNumber, null, partitionKey, approximateArrivalTimestamp, data);
    }

    @Override
    public String toString() {
        // Never print payload bytes: they may hold personal data.
        return "StreamRecord[" + shardId + "/" + sequenceNumber
                + (subSequenceNumber == null ? "" : "/" + subSequenceNumber) + ", " + data.length + " bytes]";
    }
}
