package dev.pipesrecovery.hydrate;

import java.util.Objects;

/**
 * One SQS message taken from a pipe's dead-letter queue, before parsing.
 *
 * @param messageId the SQS message id (the batch item identifier, and {@code failure.dlqMessageId} in the archive)
 * @param queueArn  the event source ARN of the queue it came from, or null when unknown
 * @param body      the message body as SQS delivered it (metadata only, no payload)
 */
public record DlqDelivery(String messageId, String queueArn, String body) {

    public DlqDelivery {
        Objects.requireNonNull(messageId, "messageId");
        body = body == null ? "" : body;
    }

    @Override
    public String toString() {
        return "DlqDelivery[" + messageId + " from " + queueArn + ", " + body.length() + " chars]";
    }
}
