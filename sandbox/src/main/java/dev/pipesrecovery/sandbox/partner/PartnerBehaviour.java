package dev.pipesrecovery.sandbox.partner;

import java.time.Duration;
import java.util.Objects;

/**
 * How the local partner API answers right now. {@link Mode#DOWN} answers {@code 503} (the API is reachable but
 * failing: a customer invocation error for the pipe, counted toward {@code MaximumRetryAttempts}); a refused
 * connection is a different case (a pipe internal error, retried until the record expires) and is produced by
 * stopping the server.
 *
 * @param delay      how long {@link Mode#SLOW} waits before answering {@code 200}
 * @param retryAfter the {@code Retry-After} header of {@link Mode#RATE_LIMITING}'s {@code 429}
 */
public record PartnerBehaviour(Mode mode, Duration delay, Duration retryAfter) {

    /** What the partner API does with a request. */
    public enum Mode {
        HEALTHY,
        DOWN,
        SLOW,
        RATE_LIMITING,
        REJECTING
    }

    public PartnerBehaviour {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (delay.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("delay and retryAfter must not be negative");
        }
    }

    public static PartnerBehaviour healthy() {
        return new PartnerBehaviour(Mode.HEALTHY, Duration.ZERO, Duration.ZERO);
    }

    /** {@code 503 Service Unavailable} to every request. */
    public static PartnerBehaviour down() {
        return new PartnerBehaviour(Mode.DOWN, Duration.ZERO, Duration.ZERO);
    }

    /** {@code 200}, after {@code delay}. */
    public static PartnerBehaviour slow(Duration delay) {
        return new PartnerBehaviour(Mode.SLOW, delay, Duration.ZERO);
    }

    /** {@code 429 Too Many Requests} with {@code Retry-After} in whole seconds (rounded up). */
    public static PartnerBehaviour rateLimiting(Duration retryAfter) {
        return new PartnerBehaviour(Mode.RATE_LIMITING, Duration.ZERO, retryAfter);
    }

    /** {@code 400 Bad Request} to every request. */
    public static PartnerBehaviour rejecting() {
        return new PartnerBehaviour(Mode.REJECTING, Duration.ZERO, Duration.ZERO);
    }

    /** The HTTP status this behaviour answers with. */
    public int status() {
        return switch (mode) {
            case HEALTHY, SLOW -> 200;
            case DOWN -> 503;
            case RATE_LIMITING -> 429;
            case REJECTING -> 400;
        };
    }
}
