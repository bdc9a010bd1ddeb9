package dev.pipesrecovery.replay.run;

import dev.pipesrecovery.retry.BackoffPolicy;
import java.util.Objects;

/**
 * How a replay runs: {@code rate} requests per second (0 = unlimited), {@code concurrency} partition-key lanes,
 * the backoff (its {@code maxAttempts} is {@code --max-attempts}), the breaker threshold, what to do on success, and
 * whether a key whose record was not delivered holds its later records back (the engine's {@code KeyHolds}; off with
 * {@code --send-after-failure}).
 */
public record ReplaySettings(
        double rate,
        int concurrency,
        BackoffPolicy backoff,
        int breakerThreshold,
        OnSuccess onSuccess,
        int laneQueueCapacity,
        boolean holdKeyAfterFailure) {

    public ReplaySettings {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(onSuccess, "onSuccess");
        if (rate < 0) {
            throw new IllegalArgumentException("--rate must be >= 0 (0 = unlimited)");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 256");
        }
        if (breakerThreshold < 1) {
            throw new IllegalArgumentException("--breaker-threshold must be >= 1");
        }
        if (laneQueueCapacity < 1) {
            throw new IllegalArgumentException("laneQueueCapacity must be >= 1");
        }
    }
}
