package dev.pipesrecovery.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which archived records the report reads (one GET each) to learn their {@code failure.condition}, which only the
 * object body holds. Up to {@code capacity} records, chosen uniformly from the listing (reservoir sampling with a
 * fixed seed, so the same archive gives the same report): every record while the selection holds no more than that,
 * so the split by condition is exact; beyond it, busy minutes get proportionally more reads and each time bucket's
 * split is estimated from the reads that fall in it (or from all reads when none does).
 */
public final class ConditionSample {

    /** A record chosen for reading: its key and its arrival. */
    public record Pick(String key, Instant arrival) {}

    private final int capacity;
    private final List<Pick> picks = new ArrayList<>();
    private final Map<String, String> conditions = new HashMap<>();
    private final Random random = new Random(20261121L);
    private long seen;

    public ConditionSample(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Algorithm R: the n-th record replaces a random pick with probability capacity / n. */
    public void offer(String key, Instant arrival) {
        seen++;
        if (picks.size() < capacity) {
            picks.add(new Pick(key, arrival));
        } else if (capacity > 0) {
            long slot = (long) (random.nextDouble() * seen);
            if (slot < capacity) {
                picks.set((int) slot, new Pick(key, arrival));
            }
        }
    }

    public List<Pick> picks() {
        return List.copyOf(picks);
    }

    /** What reading a pick gave: its condition, or a label saying why there is none. */
    public void record(String key, String condition) {
        conditions.put(key, condition);
    }

    /** Records offered. */
    public long seen() {
        return seen;
    }

    /** Records read. */
    public int read() {
        return conditions.size();
    }

    /** Every record of the listing was read: the split by condition is a count, not an estimate. */
    public boolean exact() {
        return conditions.size() == seen;
    }

    /** Bucket index (epoch minutes / {@code widthMinutes}) → condition → reads, in one pass over the picks. */
    public Map<Long, Map<String, Long>> perBucket(int widthMinutes) {
        Map<Long, Map<String, Long>> buckets = new HashMap<>();
        for (Pick pick : picks) {
            String condition = conditions.get(pick.key());
            if (condition != null) {
                long bucket = Math.floorDiv(Math.floorDiv(pick.arrival().getEpochSecond(), 60), widthMinutes);
                buckets.computeIfAbsent(bucket, b -> new HashMap<>()).merge(condition, 1L, Long::sum);
            }
        }
        return buckets;
    }

    /** Condition → reads, over all picks. */
    public Map<String, Long> overall() {
        Map<String, Long> counts = new HashMap<>();
        conditions.values().forEach(condition -> counts.merge(condition, 1L, Long::sum));
        return counts;
    }
}
