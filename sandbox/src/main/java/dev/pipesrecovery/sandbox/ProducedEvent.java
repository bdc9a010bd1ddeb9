package dev.pipesrecovery.sandbox;

import java.util.Objects;

/**
 * An event the sandbox wrote to the stream, and where Kinesis put it. Its payload is JSON with
 * {@code eventId}, {@code key} and {@code keySeq} (see {@code EventIdentity}), so the partner API can tell events
 * apart however the pipe's template or the replay wrapped them.
 */
public record ProducedEvent(
        String eventId, String partitionKey, long keySequence, String shardId, String sequenceNumber) {

    public ProducedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    }
}
