package dev.pipesrecovery.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of values (partition keys, shards) in bounded memory. Exact while at most {@code capacity}
 * distinct values were seen; beyond that the map is pruned to its larger half whenever it doubles, and a value's count
 * may be low by at most {@link #maxError()}, which the report states: a value loses at most its count at each pruning
 * it falls victim to, so the sum over prunings of the largest count dropped bounds it. The heavy values an incident
 * report is about stay exact in practice.
 */
public final class TopCounter {

    /** One value and its count. */
    public record Entry(String value, long count) {}

    private final int capacity;
    private final Map<String, long[]> counts = new HashMap<>();
    private long maxError;
    private long total;

    public TopCounter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void add(String value, long count) {
        total += count;
        counts.computeIfAbsent(value, v -> new long[1])[0] += count;
        if (counts.size() >= 2 * capacity) {
            prune();
        }
    }

    /** The {@code n} largest counts, largest first (ties by value, so the order is stable). */
    public List<Entry> top(int n) {
        return counts.entrySet().stream()
                .map(e -> new Entry(e.getKey(), e.getValue()[0]))
                .sorted(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::value))
                .limit(n)
                .toList();
    }

    /** How many distinct values are tracked now (all of them while {@link #exact()}). */
    public int tracked() {
        return counts.size();
    }

    /** Every count is exact: nothing was ever pruned. */
    public boolean exact() {
        return maxError == 0;
    }

    /** The most any reported count can be below the true one. */
    public long maxError() {
        return maxError;
    }

    /** The sum of all counts added. */
    public long total() {
        return total;
    }

    private void prune() {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0])
                .reversed());
        List<Map.Entry<String, long[]>> dropped = entries.subList(capacity, entries.size());
        maxError += dropped.get(0).getValue()[0];
        dropped.forEach(e -> counts.remove(e.getKey()));
    }
}
