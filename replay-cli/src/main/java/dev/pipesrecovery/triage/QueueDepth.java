package dev.pipesrecovery.triage;

import java.util.Objects;

/**
 * An SQS queue's approximate counts ({@code GetQueueAttributes}; SQS says "approximate": a snapshot, not a ledger)
 * and where it dead-letters to.
 *
 * @param visible         {@code ApproximateNumberOfMessages}: waiting to be received
 * @param inFlight        {@code ApproximateNumberOfMessagesNotVisible}: received, not deleted (being hydrated, or
 *                        failed and waiting for the visibility timeout)
 * @param delayed         {@code ApproximateNumberOfMessagesDelayed}
 * @param redriveTargetArn the {@code RedrivePolicy}'s {@code deadLetterTargetArn} (the poison queue), or null
 * @param maxReceiveCount the {@code RedrivePolicy}'s {@code maxReceiveCount}, or null
 */
public record QueueDepth(
        String url,
        String arn,
        long visible,
        long inFlight,
        long delayed,
        String redriveTargetArn,
        Integer maxReceiveCount) {

    public QueueDepth {
        Objects.requireNonNull(url, "url");
    }

    /** Every message not deleted yet. */
    public long total() {
        return visible + inFlight + delayed;
    }

    /** The queue's name: the last segment of its URL. */
    public String name() {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
