package dev.pipesrecovery.aws;

import dev.pipesrecovery.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when something sleeps on it: tests observe every wait without waiting. {@link #nanoTime()}
 * is its monotonic reading (as {@code System::nanoTime}), starting near the wrap-around of a {@code long} on purpose.
 */
public final class FakeTime extends Clock implements Sleeper {

    private static final long NANO_ORIGIN =
            Long.MAX_VALUE - Duration.ofMillis(700).toNanos();

    private long nowMillis = Instant.parse("2026-11-24T22:00:00Z").toEpochMilli();
    private long elapsedNanos;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        nowMillis += duration.toMillis();
        elapsedNanos += duration.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public synchronized Duration totalSlept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Monotonic nanoseconds; wraps past {@code Long.MAX_VALUE} after 700 ms of sleeps, as nanoTime may. */
    public synchronized long nanoTime() {
        return NANO_ORIGIN + elapsedNanos;
    }

    @Override
    public synchronized long millis() {
        return nowMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
