package dev.pipesrecovery.replay.engine;

/** A monotonic clock in nanoseconds, for durations and rate limits ({@link System#nanoTime()} in production). */
@FunctionalInterface
public interface NanoClock {

    NanoClock SYSTEM = System::nanoTime;

    long nanoTime();
}
