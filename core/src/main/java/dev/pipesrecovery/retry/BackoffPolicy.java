package dev.pipesrecovery.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter and a cap (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * the delay before retry {@code n} (1-based) is uniform in {@code [0, min(cap, base * 2^(n-1))]}.
 */
public record BackoffPolicy(Duration base, Duration cap, int maxAttempts) {

    public BackoffPolicy {
        throw new UnsupportedOperationException("TODO core: validate");
    }

    /** @param random uniform in [0, 1) */
    public Duration delayBeforeRetry(int retryNumber, DoubleSupplier random) {
        throw new UnsupportedOperationException("TODO core");
    }
}
