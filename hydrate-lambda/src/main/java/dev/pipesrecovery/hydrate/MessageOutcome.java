package dev.pipesrecovery.hydrate;

import java.util.Objects;

/**
 * What hydrating one DLQ message did. Only {@link Status#FAILED} keeps the message in the queue (a batch item
 * failure, retried after the visibility timeout and moved to the poison queue after {@code maxReceiveCount}).
 *
 * @param recordsArchived          archive objects created by this attempt
 * @param recordsAlreadyArchived   objects that already existed (a redelivery, or a record another message of the
 *                                 invocation also held): nothing was overwritten
 * @param archiveBytes             bytes of the archived-record objects this attempt created
 * @param recordsLost              records of the range that can no longer be read (a loss marker holds them)
 * @param recordsFromWideRanges    archived records of a range that held more records than its batch (0 otherwise)
 * @param retentionHeadroomSeconds stream retention minus the age of the oldest record, or null when unknown
 * @param failureReason            why the message failed; null unless FAILED
 */
public record MessageOutcome(
        String messageId,
        String consumer,
        Status status,
        int recordsArchived,
        int recordsAlreadyArchived,
        long archiveBytes,
        int recordsLost,
        int recordsFromWideRanges,
        Long retentionHeadroomSeconds,
        String failureReason) {

    public enum Status {
        /** Every record of the range is in the archive: delete the message. */
        ARCHIVED,
        /** Part or all of the range is gone: a loss marker was written, the rest archived; delete the message. */
        LOST,
        /** Something may pass (stream unreadable, S3 write failed, malformed body, deadline): keep the message. */
        FAILED
    }

    public MessageOutcome {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(status, "status");
        if ((status == Status.FAILED) == (failureReason == null)) {
            throw new IllegalArgumentException("a failureReason is required exactly when the status is FAILED");
        }
        if (recordsArchived < 0
                || recordsAlreadyArchived < 0
                || archiveBytes < 0
                || recordsLost < 0
                || recordsFromWideRanges < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** A message that is reported as a batch item failure without any work done (malformed, deadline). */
    public static MessageOutcome failedBeforeStart(String messageId, String consumer, String reason) {
        return new MessageOutcome(messageId, consumer, Status.FAILED, 0, 0, 0, 0, 0, null, reason);
    }

    public boolean retry() {
        return status == Status.FAILED;
    }
}
