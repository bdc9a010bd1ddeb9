package dev.pipesrecovery.replay.target;

import java.time.Duration;
import java.util.Objects;

/**
 * What a target did with one item: delivered; failed in a way worth retrying (429, 5xx, no answer,
 * {@code ThrottlingException}...), optionally with the server's {@code Retry-After}; or failed for good.
 * {@code code} is what the summary groups failures by (e.g. {@code HTTP 400}, {@code MalformedDetail}).
 */
public record DeliveryResult(Outcome outcome, String code, String message, Duration retryAfter) {

    public enum Outcome {
        DELIVERED,
        RETRYABLE,
        FAILED
    }

    private static final DeliveryResult DELIVERED = new DeliveryResult(Outcome.DELIVERED, null, null, null);

    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome != Outcome.DELIVERED && (code == null || code.isBlank())) {
            throw new IllegalArgumentException("a failure needs a code");
        }
    }

    public static DeliveryResult delivered() {
        return DELIVERED;
    }

    public static DeliveryResult retryable(String code, String message, Duration retryAfter) {
        return new DeliveryResult(Outcome.RETRYABLE, code, message, retryAfter);
    }

    public static DeliveryResult failed(String code, String message) {
        return new DeliveryResult(Outcome.FAILED, code, message, null);
    }

    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }
}
