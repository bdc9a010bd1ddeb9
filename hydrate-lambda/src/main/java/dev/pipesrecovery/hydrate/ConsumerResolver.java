package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.QueueRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which consumer a DLQ message belongs to from the queue it came from (DESIGN.md "Consumer"): the queue's
 * {@code CONSUMER_BY_QUEUE_ARN} entry, else the registration its pipe stack put on it (tags, {@link QueueRegistry}).
 * The body only has to agree: a body naming another pipe or function, or another stream than the one the queue's pipe
 * reads, is poison — never a reason to read another pipe's stream or write under another consumer.
 */
public final class ConsumerResolver {

    /** The metric dimension for a message whose queue names no consumer. */
    public static final String UNKNOWN_CONSUMER = "unknown";

    /** A message accepted for its queue's consumer, or refused with why (it stays in the queue: a batch item failure). */
    public record Resolution(String consumer, String refusal) {

        static Resolution accepted(String consumer) {
            return new Resolution(consumer, null);
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    private final Map<String, String> consumerByQueueArn;
    private final QueueRegistry registry;

    public ConsumerResolver(Map<String, String> consumerByQueueArn, QueueRegistry registry) {
        this.consumerByQueueArn = Map.copyOf(consumerByQueueArn);
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public Resolution resolve(String queueArn, DlqMessage message) {
        Optional<QueueRegistry.Registration> registration;
        try {
            registration = registration(queueArn);
        } catch (QueueRegistry.QueueLookupException e) {
            return new Resolution(
                    UNKNOWN_CONSUMER, "the queue's registration could not be read, will retry: " + e.getMessage());
        }
        if (registration.isEmpty()) {
            return new Resolution(
                    UNKNOWN_CONSUMER,
                    "queue " + queueArn + " is registered to no consumer: tag it "
                            + "pipes-recovery:consumer=<pipe name> (the pipe stack does) or list it in CONSUMER_BY_QUEUE_ARN");
        }
        String consumer = registration.get().consumer();
        String named = message.defaultConsumer();
        if (!named.equals(consumer)) {
            return new Resolution(
                    consumer,
                    "poison: the body names " + message.sourceArn() + " but queue " + queueArn + " belongs to consumer "
                            + consumer);
        }
        String stream = registration.get().streamArn();
        if (stream != null && !stream.equals(message.batch().streamArn())) {
            return new Resolution(
                    consumer,
                    "poison: the body names stream " + message.batch().streamArn() + " but the pipe of queue "
                            + queueArn + " reads " + stream);
        }
        return Resolution.accepted(consumer);
    }

    /** The consumer to count a message under when its body could not be parsed. */
    public String resolveUnparsed(String queueArn) {
        try {
            return registration(queueArn)
                    .map(QueueRegistry.Registration::consumer)
                    .orElse(UNKNOWN_CONSUMER);
        } catch (QueueRegistry.QueueLookupException e) {
            return UNKNOWN_CONSUMER;
        }
    }

    private Optional<QueueRegistry.Registration> registration(String queueArn)
            throws QueueRegistry.QueueLookupException {
        if (queueArn == null) {
            return Optional.empty();
        }
        String configured = consumerByQueueArn.get(queueArn);
        return configured != null
                ? Optional.of(new QueueRegistry.Registration(configured, null))
                : registry.lookup(queueArn);
    }
}
