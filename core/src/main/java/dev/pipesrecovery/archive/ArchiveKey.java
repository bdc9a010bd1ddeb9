package dev.pipesrecovery.archive;

import dev.pipesrecovery.consumer.ConsumerName;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * The parts of an archive object key (without the bucket prefix, which belongs to {@link KeyLayout}):
 * {@code <consumer>/<yyyy-MM-dd>/<encodedPartitionKey>/<yyyyMMdd'T'HHmmssSSS'Z'>/<shardId>-<seq>[-<subSeq>].json}.
 *
 * <p>Holds the partition key <em>encoded</em> (see {@link KeyLayout#encodePartitionKey}) so that a key parsed back
 * from a listing is the same value even when the original key was too long and was cut; the original partition key
 * is always in the archived record itself. {@code arrival} has millisecond precision (truncated).
 *
 * <p>Every part is validated on construction, so any {@code ArchiveKey} formats to a key that parses back to it:
 * consumer by {@link ConsumerName}; the encoded
 * partition key exactly as {@link KeyLayout#encodePartitionKey} makes it; shard id {@code <name>-<digits>} up to 128
 * chars; arrival within years 0000-9999; sub-sequence number {@code >= 0}.
 *
 * @throws IllegalArgumentException naming the part that is invalid
 */
public record ArchiveKey(
        String consumer,
        String encodedPartitionKey,
        Instant arrival,
        String shardId,
        SequenceNumber sequenceNumber,
        Long subSequenceNumber) {

    public ArchiveKey {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(encodedPartitionKey, "encodedPartitionKey");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        arrival = KeyParts.requireArrival(arrival.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        ConsumerName.require(consumer);
        PartitionKeyEncoding.requireCanonical(encodedPartitionKey);
        KeyParts.requireShardId(shardId);
        KeyParts.requireSubSequence(subSequenceNumber);
    }

    /** The key for a record of {@code consumer}, encoding its partition key. */
    public static ArchiveKey of(
            String consumer,
            String partitionKey,
            Instant arrival,
            String shardId,
            SequenceNumber sequenceNumber,
            Long subSequenceNumber) {
        return new ArchiveKey(
                consumer,
                KeyLayout.encodePartitionKey(partitionKey),
                arrival,
                shardId,
                sequenceNumber,
                subSequenceNumber);
    }

    /**
     * Whether both keys are user records of one Kinesis record (one KPL aggregate): same consumer, partition key,
     * arrival, shard and sequence number, each with a sub-sequence number. Such records are replayed, and planned,
     * together in sub-sequence order.
     */
    public boolean sameAggregateAs(ArchiveKey other) {
        return subSequenceNumber != null
                && other.subSequenceNumber() != null
                && consumer.equals(other.consumer())
                && encodedPartitionKey.equals(other.encodedPartitionKey())
                && arrival.equals(other.arrival())
                && shardId.equals(other.shardId())
                && sequenceNumber.equals(other.sequenceNumber());
    }
}
