package dev.pipesrecovery.dlq;

import dev.pipesrecovery.consumer.ConsumerName;
import java.util.Optional;

/**
 * Port: which consumer a dead-letter queue belongs to (DESIGN.md "Consumer"). The consumer of a DLQ message is decided
 * by the queue it came from — the SQS event's {@code eventSourceARN}, which SQS sets and no sender can forge — never
 * by its body: a body naming another pipe, or another stream than the queue's pipe reads, is poison.
 */
public interface QueueRegistry {

    /**
     * A queue registered to its consumer; {@code streamArn} is null when the registration does not name the stream.
     *
     * @throws IllegalArgumentException when {@code consumer} breaks the {@link ConsumerName} rule
     */
    record Registration(String consumer, String streamArn) {

        public Registration {
            ConsumerName.require(consumer);
        }
    }

    /** No queue is registered. */
    QueueRegistry NONE = queueArn -> Optional.empty();

    /**
     * @return empty when the queue is not registered
     * @throws QueueLookupException when the registration could not be read for a reason that may pass
     */
    Optional<Registration> lookup(String queueArn) throws QueueLookupException;

    /** The registration could not be read (throttling, network, permissions): the message is retried later. */
    class QueueLookupException extends Exception {

        public QueueLookupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
