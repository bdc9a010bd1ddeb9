package dev.pipesrecovery.archive;

import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The durable record of records that could not be hydrated (DESIGN.md "Records that could not be hydrated"), stored
 * at {@link KeyLayout#lossMarkerKey}. Holds the whole DLQ message body so an operator can act on it after the DLQ
 * message itself is gone.
 *
 * @param expectedCount  {@code batchSize} of the DLQ message
 * @param lostCount      how many of them are gone ({@code 1..expectedCount})
 * @param reason         human-readable, e.g. "start sequence number is older than the trim horizon"
 * @param dlqMessageBody the raw SQS message body, as received
 * @param detectedAt     when the hydrate found the loss (milliseconds)
 */
public record LossMarker(
        String consumer,
        String streamArn,
        String shardId,
        SequenceNumber start,
        SequenceNumber end,
        int expectedCount,
        int lostCount,
        String reason,
        String dlqMessageId,
        String dlqMessageBody,
        Instant detectedAt) {

    public static final int CURRENT_VERSION = 1;

    public LossMarker {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(dlqMessageId, "dlqMessageId");
        Objects.requireNonNull(dlqMessageBody, "dlqMessageBody");
        Objects.requireNonNull(detectedAt, "detectedAt");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (expectedCount < 1 || lostCount < 1 || lostCount > expectedCount) {
            throw new IllegalArgumentException(
                    "need 1 <= lostCount <= expectedCount, got lostCount " + lostCount + " of " + expectedCount);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a loss marker needs a reason");
        }
        detectedAt = detectedAt.truncatedTo(ChronoUnit.MILLIS);
    }
}
