package dev.pipesrecovery.apidestination;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call of an API destination came to ({@link ApiDestinationCall} decides).
 *
 * @param status     the HTTP status, or 0 when there was no answer (a timeout, no connection)
 * @param retryAfter the least wait before a retry that the answer asked for, or null when it asked for none
 * @param reason     for a log line or a failure report: what happened, never a payload
 */
public record CallOutcome(Verdict verdict, int status, Duration retryAfter, String reason) {

    public enum Verdict {
        /** 2xx. */
        DELIVERED,
        /** Worth another attempt: 401, 407, 409, 429, 5xx, or no answer. */
        RETRY,
        /** A status API destinations do not retry (1xx, 3xx, every other 4xx). */
        FINAL,
        /** A status that is retried, but the answer's {@code Retry-After} was negative: the partner asked to stop. */
        STOPPED
    }

    public CallOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** Not delivered, and not to be sent again in this delivery attempt's retries. */
    public boolean isFinal() {
        return verdict == Verdict.FINAL || verdict == Verdict.STOPPED;
    }
}
