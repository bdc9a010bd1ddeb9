package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.retry.Sleeper;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Spaces calls on one shard at least {@code minInterval} apart, across every read (and thread) sharing this limiter.
 * Each caller reserves the next free slot under the lock and sleeps outside it, so callers on other shards never wait.
 *
 * <p>Time comes from a monotonic source ({@code System::nanoTime} in production): a wall clock stepped back by NTP
 * would otherwise leave a reserved slot an hour "in the future" and stall the shard for that hour. Slots are compared
 * by difference, as {@link System#nanoTime()} asks, so a source that wraps around still spaces calls correctly.
 */
final class ShardRateLimiter {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Long> nextSlotNanos = new HashMap<>();

    ShardRateLimiter(Duration minInterval, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = Math.max(1, minInterval.toNanos());
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits until a call on {@code shardKey} (stream ARN + shard id) is allowed. */
    void acquire(String shardKey) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            Long reserved = nextSlotNanos.get(shardKey);
            long slot = reserved == null || reserved - now < 0 ? now : reserved;
            nextSlotNanos.put(shardKey, slot + intervalNanos);
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
