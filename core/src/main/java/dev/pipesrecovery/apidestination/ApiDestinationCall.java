package dev.pipesrecovery.apidestination;

import java.time.Duration;
import java.time.Instant;

/**
 * How a call of an EventBridge API destination behaves, as AWS documents it
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html): a 2xx delivers; 401, 407,
 * 409, 429 and 5xx are retried, at least as far apart as a {@code Retry-After} asks (seconds or an HTTP-date), and
 * not at all when it is negative; every other status (1xx, 3xx, the other 4xx) is final. A request the endpoint did
 * not answer within the client execution timeout, or could not be sent, is retried. An OAuth connection fetches a
 * new token on 401 and 407. How often and how far apart retries go is the sender's own policy (a pipe's retry
 * settings, pipes-replay's {@code --max-attempts} and backoff): this class only says whether one is due.
 */
public final class ApiDestinationCall {

    /** EventBridge's "maximum client execution timeout" for a request to an API destination. */
    public static final Duration CLIENT_EXECUTION_TIMEOUT = Duration.ofSeconds(5);

    private ApiDestinationCall() {}

    /** The outcome of an answer with {@code status} and the raw {@code Retry-After} header (null when none). */
    public static CallOutcome answered(int status, String retryAfterHeader, Instant now) {
        if (status >= 200 && status < 300) {
            return new CallOutcome(CallOutcome.Verdict.DELIVERED, status, null, "answered " + status);
        }
        if (!isRetried(status)) {
            return new CallOutcome(CallOutcome.Verdict.FINAL, status, null, "answered " + status + " (not retried)");
        }
        RetryAfter retryAfter = RetryAfter.parse(retryAfterHeader, now).orElse(null);
        if (retryAfter != null && retryAfter.stop()) {
            return new CallOutcome(
                    CallOutcome.Verdict.STOPPED,
                    status,
                    null,
                    "answered " + status + " with a negative Retry-After (do not retry)");
        }
        return new CallOutcome(
                CallOutcome.Verdict.RETRY,
                status,
                retryAfter == null ? null : retryAfter.delay(),
                "answered " + status);
    }

    /** No answer within the timeout: retried (the endpoint may have processed it; the retry may duplicate it). */
    public static CallOutcome timedOut(Duration timeout) {
        return new CallOutcome(CallOutcome.Verdict.RETRY, 0, null, "no answer within " + timeout.toMillis() + " ms");
    }

    /** The request could not be sent or its answer was cut off (refused, reset, TLS): retried. */
    public static CallOutcome notConnected(String detail) {
        return new CallOutcome(CallOutcome.Verdict.RETRY, 0, null, "no connection: " + detail);
    }

    /** 401, 407, 409, 429 and every 5xx. */
    public static boolean isRetried(int status) {
        return status == 401 || status == 407 || status == 409 || status == 429 || (status >= 500 && status < 600);
    }

    /** An OAuth client-credentials connection fetches a new token before retrying these. */
    public static boolean refreshesOAuthToken(int status) {
        return status == 401 || status == 407;
    }
}
