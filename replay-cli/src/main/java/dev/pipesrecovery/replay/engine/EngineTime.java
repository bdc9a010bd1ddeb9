package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.retry.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything time-dependent the engine uses, injected like everywhere in the project so that a test runs a whole
 * replay on a fake clock without sleeping: the wall clock (run ids, tag times), a monotonic clock (durations,
 * latency, the rate limiter, how long a batch lingers), the sleeper (backoff, {@code Retry-After}, rate limit) and
 * the backoff's jitter.
 */
public record EngineTime(Clock wall, NanoClock monotonic, Sleeper sleeper, DoubleSupplier random) {

    public EngineTime {
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(monotonic, "monotonic");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /** Real time with {@code wall} as the wall clock and {@code sleeper} for waits. */
    public static EngineTime of(Clock wall, Sleeper sleeper) {
        return new EngineTime(
                wall,
                NanoClock.SYSTEM,
                sleeper,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Milliseconds since {@code startNanos} of {@link #monotonic()}. */
    long millisSince(long startNanos) {
        return (monotonic.nanoTime() - startNanos) / 1_000_000;
    }
}
