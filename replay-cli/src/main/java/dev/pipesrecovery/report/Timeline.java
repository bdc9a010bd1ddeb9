package dev.pipesrecovery.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records per time bucket, stacked by {@link Series}, by arrival time (the stream's ApproximateArrivalTimestamp, from
 * the archive key, so the counts are exact). Only buckets with records are listed: a gap in time is a gap here.
 *
 * @param bucketMinutes the width of a bucket (1 = per minute)
 * @param series        bottom to top of each bar: archived conditions by total records (largest first), then lost
 * @param estimated     the split by condition is estimated from a sample ({@link ConditionSample}), not counted
 */
public record Timeline(int bucketMinutes, List<Bucket> buckets, List<Series> series, boolean estimated) {

    /** Largest number of buckets {@link #autoBucketMinutes} allows: about one pixel per bar on a wide chart. */
    static final int MAX_BUCKETS = 720;

    private static final int[] WIDTHS = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};

    /** One bucket: its start and the records of each series in it (series with none are absent). */
    public record Bucket(Instant start, Map<Series, Long> counts) {
        public Bucket {
            counts = Map.copyOf(counts);
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Timeline {
        buckets = List.copyOf(buckets);
        series = List.copyOf(series);
    }

    public Duration bucketWidth() {
        return Duration.ofMinutes(bucketMinutes);
    }

    /** The narrowest standard width that keeps {@code [first, last]} within {@link #MAX_BUCKETS} buckets. */
    static int autoBucketMinutes(long firstMinute, long lastMinute) {
        for (int width : WIDTHS) {
            if (Math.floorDiv(lastMinute, width) - Math.floorDiv(firstMinute, width) + 1 <= MAX_BUCKETS) {
                return width;
            }
        }
        return WIDTHS[WIDTHS.length - 1] * (int) Math.ceil((lastMinute - firstMinute + 1) / (1440.0 * MAX_BUCKETS));
    }

    /**
     * The timeline of {@code counts}, archived records split by condition as {@code sample} read them (apportioned by
     * largest remainder, so each bucket's total stays exact), lost records as their markers say.
     *
     * @param bucketMinutes 0 picks {@link #autoBucketMinutes}
     */
    static Timeline of(MinuteCounts counts, ConditionSample sample, int bucketMinutes) {
        if (counts.isEmpty()) {
            return new Timeline(Math.max(1, bucketMinutes), List.of(), List.of(), false);
        }
        int width = bucketMinutes > 0 ? bucketMinutes : autoBucketMinutes(counts.firstMinute(), counts.lastMinute());
        SortedMap<Long, long[]> archived = new TreeMap<>();
        counts.archived()
                .forEach((minute, n) ->
                        archived.computeIfAbsent(Math.floorDiv(minute, width), b -> new long[1])[0] += n);
        SortedMap<Long, Map<Series, Long>> byBucket = new TreeMap<>();
        counts.lost()
                .forEach((minute, lost) -> lost.forEach(
                        (condition, n) -> byBucket.computeIfAbsent(Math.floorDiv(minute, width), b -> new HashMap<>())
                                .merge(new Series(condition, true), n, Long::sum)));
        Map<String, Long> overall = sample.overall();
        Map<Long, Map<String, Long>> read = sample.perBucket(width);
        archived.forEach((bucket, n) -> {
            Map<String, Long> weights = read.getOrDefault(bucket, overall);
            apportion(n[0], weights)
                    .forEach((condition, share) -> byBucket.computeIfAbsent(bucket, b -> new HashMap<>())
                            .merge(new Series(condition, false), share, Long::sum));
        });
        List<Bucket> buckets = new ArrayList<>();
        Map<Series, Long> totals = new HashMap<>();
        byBucket.forEach((bucket, stack) -> {
            buckets.add(new Bucket(Instant.ofEpochSecond(bucket * width * 60), stack));
            stack.forEach((s, n) -> totals.merge(s, n, Long::sum));
        });
        // archived before lost, the largest at the bottom of each bar: the stack's baseline stays steady
        List<Series> series = totals.keySet().stream()
                .sorted(Comparator.comparing(Series::lost)
                        .thenComparing(s -> -totals.get(s))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        return new Timeline(width, buckets, series, !sample.exact());
    }

    /** {@code total} split in proportion to {@code weights}, remainders to the largest fractions (ties by name). */
    static Map<String, Long> apportion(long total, Map<String, Long> weights) {
        long sum = weights.values().stream().mapToLong(Long::longValue).sum();
        if (sum == 0) {
            return total == 0 ? Map.of() : Map.of(Series.NOT_READ, total);
        }
        Map<String, Long> shares = new TreeMap<>();
        List<Map.Entry<String, Double>> fractions = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, Long> weight : new TreeMap<>(weights).entrySet()) {
            double exact = (double) total * weight.getValue() / sum;
            long floor = (long) Math.floor(exact);
            shares.put(weight.getKey(), floor);
            fractions.add(Map.entry(weight.getKey(), exact - floor));
            given += floor;
        }
        fractions.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        for (int i = 0; given < total; i++, given++) {
            shares.merge(fractions.get(i % fractions.size()).getKey(), 1L, Long::sum);
        }
        shares.values().removeIf(v -> v == 0);
        return shares;
    }
}
