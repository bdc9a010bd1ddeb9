package dev.pipesrecovery.replay.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-event latency in fixed log-spaced buckets (about 5 % wide, 1 µs to ~100 s): constant memory however many
 * events a run sends, good enough for p50/p99 in a summary.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.05;
    private static final int BUCKETS = 380;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        double micros = Math.max(1.0, nanos / 1_000.0);
        int bucket = (int) Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / Math.log(GROWTH)));
        counts.incrementAndGet(bucket);
    }

    /** The upper edge of the bucket holding the {@code quantile} (0..1), in milliseconds; 0 when empty. */
    double quantileMillis(double quantile) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.pow(GROWTH, i + 1) / 1_000.0;
            }
        }
        return Math.pow(GROWTH, BUCKETS) / 1_000.0;
    }
}
