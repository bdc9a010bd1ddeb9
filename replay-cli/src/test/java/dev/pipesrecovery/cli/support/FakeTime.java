package dev.pipesrecovery.cli.support;

import dev.pipesrecovery.replay.engine.EngineTime;
import dev.pipesrecovery.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Time that only moves when something sleeps on it: a test observes every wait of the engine without waiting. */
public final class FakeTime implements Sleeper {

    private final Instant start;
    private long nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeTime(Instant start) {
        this.start = start;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized long nanoTime() {
        return nanos;
    }

    /** The wall clock: {@code start} plus what was slept. */
    public Clock wall() {
        return new Clock() {
            @Override
            public Instant instant() {
                return start.plusNanos(nanoTime());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    /** The engine's time: this clock for both wall and monotonic time, this sleeper, jitter always 0.5. */
    public EngineTime engineTime() {
        return new EngineTime(wall(), this::nanoTime, this, () -> 0.5);
    }
}
