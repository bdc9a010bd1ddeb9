package dev.pipesrecovery.apidestination;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP {@code Retry-After} value as API destinations read it: delay-seconds or an HTTP-date (RFC 9110 §10.2.3,
 * a date in the past is a delay of zero), and a negative number of seconds asks the sender to stop retrying
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html).
 *
 * @param delay how long to wait at least before the next attempt (zero when {@code stop})
 * @param stop  the answer asked not to retry at all
 */
public record RetryAfter(Duration delay, boolean stop) {

    public RetryAfter {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a Retry-After delay is never negative: " + delay);
        }
    }

    /** The header's meaning at {@code now}; empty when absent or unreadable (then the sender's backoff decides). */
    public static Optional<RetryAfter> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(
                    seconds < 0
                            ? new RetryAfter(Duration.ZERO, true)
                            : new RetryAfter(Duration.ofSeconds(seconds), false));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration delay = Duration.between(now, at);
                return Optional.of(new RetryAfter(delay.isNegative() ? Duration.ZERO : delay, false));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
