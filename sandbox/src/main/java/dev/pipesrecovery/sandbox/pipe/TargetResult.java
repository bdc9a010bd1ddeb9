package dev.pipesrecovery.sandbox.pipe;

import java.time.Duration;
import java.util.Objects;

/**
 * What one call to the API destination came to, in the pipe's error classes (aws-facts §2.2).
 *
 * @param status     the HTTP status, or 0 when there was no answer
 * @param retryAfter the {@code Retry-After} of a retried answer (seconds or HTTP-date), or zero
 */
record TargetResult(Kind kind, int status, Duration retryAfter) {

    enum Kind {
        SUCCESS,
        /** Counted toward MaximumRetryAttempts (5xx, 429, 401/407/409, a timeout, and other 4xx unless configured). */
        CUSTOMER_ERROR,
        /**
         * Dead-lettered without retry: a status API destinations do not retry, with
         * {@link StandInOptions.ClientErrorHandling#DEAD_LETTER_AT_ONCE}; or a negative {@code Retry-After}.
         */
        NOT_RETRYABLE,
        /** No connection to the target: a pipe internal error, retried until the record expires, not counted. */
        INTERNAL_ERROR
    }

    TargetResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
