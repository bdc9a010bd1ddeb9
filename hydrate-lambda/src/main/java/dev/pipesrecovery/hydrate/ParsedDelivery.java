package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.dlq.DlqMessage;
import java.util.Objects;

/** A delivery whose body parsed as a Kinesis DLQ message, with the consumer it belongs to. */
public record ParsedDelivery(DlqDelivery delivery, DlqMessage message, String consumer) {

    public ParsedDelivery {
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(consumer, "consumer");
    }

    public String messageId() {
        return delivery.messageId();
    }
}
