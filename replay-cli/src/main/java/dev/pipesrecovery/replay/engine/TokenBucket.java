package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.retry.Sleeper;
import java.time.Duration;

/**
 * {@code --rate}: at most {@code permitsPerSecond} requests per second over any window, shared by every worker.
 * A bucket of one token refilled every {@code 1/rate} s: requests are spaced evenly rather than sent in bursts, which
 * is kinder to a partner API that is just recovering. A rate of 0 means unlimited.
 */
public final class TokenBucket {

    private final long intervalNanos;
    private final Sleeper sleeper;
    private final NanoClock clock;
    private long nextFreeNanos;

    public TokenBucket(double permitsPerSecond, Sleeper sleeper, NanoClock clock) {
        if (permitsPerSecond < 0) {
            throw new IllegalArgumentException("--rate must be >= 0");
        }
        this.intervalNanos = permitsPerSecond == 0 ? 0 : (long) (1_000_000_000L / permitsPerSecond);
        this.sleeper = sleeper;
        this.clock = clock;
        this.nextFreeNanos = clock.nanoTime();
    }

    /** Waits until this caller may send one request. */
    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = clock.nanoTime();
            slot = Math.max(now, nextFreeNanos);
            nextFreeNanos = slot + intervalNanos;
        }
        long wait = slot - clock.nanoTime();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
