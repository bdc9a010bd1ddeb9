package dev.pipesrecovery.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Exact counts per minute (epoch minutes, UTC) of the listing: archived records by arrival, lost records by the
 * arrival of the first record of their DLQ message, with its condition. Memory grows with the minutes that have
 * records, not with the records.
 */
final class MinuteCounts {

    private final SortedMap<Long, Long> archived = new TreeMap<>();
    private final SortedMap<Long, Map<String, Long>> lost = new TreeMap<>();

    void addArchived(Instant arrival) {
        archived.merge(minute(arrival), 1L, Long::sum);
    }

    void addLost(Instant at, String condition, long records) {
        lost.computeIfAbsent(minute(at), m -> new HashMap<>()).merge(condition, records, Long::sum);
    }

    boolean isEmpty() {
        return archived.isEmpty() && lost.isEmpty();
    }

    long firstMinute() {
        return Math.min(
                archived.isEmpty() ? Long.MAX_VALUE : archived.firstKey(),
                lost.isEmpty() ? Long.MAX_VALUE : lost.firstKey());
    }

    long lastMinute() {
        return Math.max(
                archived.isEmpty() ? Long.MIN_VALUE : archived.lastKey(),
                lost.isEmpty() ? Long.MIN_VALUE : lost.lastKey());
    }

    SortedMap<Long, Long> archived() {
        return archived;
    }

    SortedMap<Long, Map<String, Long>> lost() {
        return lost;
    }

    private static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }
}
