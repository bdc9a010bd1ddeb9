package dev.pipesrecovery.retry;

import java.time.Duration;

/** Told before each retry (for a log line or a metric); never told about the payload. */
@FunctionalInterface
public interface RetryListener {

    RetryListener NONE = (attempt, failure, delay) -> {};

    /**
     * @param failedAttempt the 1-based attempt that just failed
     * @param failure       why it failed
     * @param delay         how long the retrier sleeps before the next attempt
     */
    void beforeRetry(int failedAttempt, Exception failure, Duration delay);
}
