package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.dlq.DlqMessage;
import java.util.Map;

/**
 * Decides which consumer (pipe) a DLQ message belongs to: the explicit {@code CONSUMER_BY_QUEUE_ARN} entry for the
 * queue it came from wins; otherwise the pipe (or function) name in the message (DESIGN.md "DLQ message").
 */
public record ConsumerResolver(Map<String, String> consumerByQueueArn) {

    /** The metric dimension for a message that names no consumer (unparseable body on an unmapped queue). */
    public static final String UNKNOWN_CONSUMER = "unknown";

    public ConsumerResolver {
        consumerByQueueArn = Map.copyOf(consumerByQueueArn);
    }

    /** @throws IllegalArgumentException when the message's source ARN names no consumer and no mapping applies */
    public String resolve(String queueArn, DlqMessage message) {
        String explicit = queueArn == null ? null : consumerByQueueArn.get(queueArn);
        return explicit != null ? explicit : message.defaultConsumer();
    }

    /** The consumer to count a message under when its body could not be parsed. */
    public String resolveUnparsed(String queueArn) {
        String explicit = queueArn == null ? null : consumerByQueueArn.get(queueArn);
        return explicit != null ? explicit : UNKNOWN_CONSUMER;
    }
}
