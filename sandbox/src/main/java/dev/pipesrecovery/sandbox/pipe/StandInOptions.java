package dev.pipesrecovery.sandbox.pipe;

import dev.pipesrecovery.apidestination.ApiDestinationCall;
import java.time.Duration;
import java.util.Objects;

/**
 * Behaviour of the local pipe stand-in that AWS does not document, so it cannot come from pipe.yaml. Each is a
 * setting so a rehearsal can try either answer.
 *
 * @param retryBackoffBase  first retry delay. AWS says only that the pipe "gradually backs off" (aws-facts §2.2);
 *                          the stand-in uses exponential backoff with full jitter, compressed for local runs
 * @param retryBackoffCap   longest retry delay
 * @param pollInterval      wait after an empty GetRecords
 * @param targetTimeout     the API destination's 5 s client execution timeout (eb-api-destinations)
 * @param clientErrors      what a non-retryable 4xx does (UNCONFIRMED for pipes, aws-facts §2.3)
 * @param honourRetryAfter  wait at least the {@code Retry-After} of a retried answer, and stop at a negative one
 *                          (documented for event buses, UNCONFIRMED for pipes)
 */
public record StandInOptions(
        Duration retryBackoffBase,
        Duration retryBackoffCap,
        Duration pollInterval,
        Duration targetTimeout,
        ClientErrorHandling clientErrors,
        boolean honourRetryAfter) {

    /**
     * What the stand-in does with a 4xx that API destinations do not retry for rules (400, 403, 404, ...; but not
     * 401, 407, 409, 429). AWS does not say which one pipes do.
     */
    public enum ClientErrorHandling {
        /** A customer invocation error like a 5xx: retried up to MaximumRetryAttempts (the default: pipes' doc lists
         *  target errors among the customer errors it retries, eb-pipes-error-troubleshooting). */
        RETRY_AS_CUSTOMER_ERROR,
        /** Dead-lettered at once, as an API destination behind a rule does (eb-api-destinations). */
        DEAD_LETTER_AT_ONCE
    }

    public StandInOptions {
        Objects.requireNonNull(retryBackoffBase, "retryBackoffBase");
        Objects.requireNonNull(retryBackoffCap, "retryBackoffCap");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(targetTimeout, "targetTimeout");
        Objects.requireNonNull(clientErrors, "clientErrors");
        if (retryBackoffBase.isZero()
                || retryBackoffBase.isNegative()
                || retryBackoffCap.compareTo(retryBackoffBase) < 0) {
            throw new IllegalArgumentException("need 0 < retryBackoffBase <= retryBackoffCap");
        }
        if (targetTimeout.isZero() || targetTimeout.isNegative()) {
            throw new IllegalArgumentException("targetTimeout must be positive");
        }
    }

    /** Timing for a rehearsal on one machine: backoff of milliseconds instead of seconds to minutes. */
    public static StandInOptions rehearsal() {
        return new StandInOptions(
                Duration.ofMillis(2),
                Duration.ofMillis(40),
                Duration.ofMillis(100),
                ApiDestinationCall.CLIENT_EXECUTION_TIMEOUT,
                ClientErrorHandling.RETRY_AS_CUSTOMER_ERROR,
                true);
    }

    public StandInOptions withClientErrors(ClientErrorHandling handling) {
        return new StandInOptions(
                retryBackoffBase, retryBackoffCap, pollInterval, targetTimeout, handling, honourRetryAfter);
    }

    public StandInOptions withTargetTimeout(Duration timeout) {
        return new StandInOptions(
                retryBackoffBase, retryBackoffCap, pollInterval, timeout, clientErrors, honourRetryAfter);
    }
}
