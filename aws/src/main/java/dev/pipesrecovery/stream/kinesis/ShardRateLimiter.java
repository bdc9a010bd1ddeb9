package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Spaces calls on one shard at least {@code minInterval} apart, across every read (and thread) sharing this limiter.
 * Each caller reserves the next free slot under the lock and sleeps outside it, so callers on other shards never wait.
 */
final class ShardRateLimiter {

    private final long intervalMillis;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Long> nextSlotMillis = new HashMap<>();

    ShardRateLimiter(Duration minInterval, Clock clock, Sleeper sleeper) {
        this.intervalMillis = Math.max(1, minInterval.toMillis());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits until a call on {@code shardKey} (stream ARN + shard id) is allowed. */
    void acquire(String shardKey) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.millis();
            long slot = Math.max(now, nextSlotMillis.getOrDefault(shardKey, now));
            nextSlotMillis.put(shardKey, slot + intervalMillis);
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofMillis(wait));
        }
    }
}
