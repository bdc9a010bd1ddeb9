package dev.pipesrecovery.replay;

import java.time.Duration;
import java.util.List;

/**
 * What a replay will do, shown before anything is sent. {@code objects} counts every archived record of the
 * selection before the status filter (tags are read during the run), so it is an upper bound when {@code --status}
 * is not {@code all}. {@code estimatedDuration} is null when the rate is unlimited.
 */
public record ReplayPlan(long objects, long bytes, long lossMarkers, long notArchiveKeys, List<String> sample,
                         String target, double rate, int concurrency, Duration estimatedDuration,
                         StatusFilter status, int previouslyDelivered, String journal) {

    public ReplayPlan {
        sample = List.copyOf(sample);
    }

    static ReplayPlan of(PlanCount count, String target, ReplaySettings settings, StatusFilter status,
                         int previouslyDelivered, String journal) {
        Duration estimate = settings.rate() == 0 ? null
                : Duration.ofMillis((long) Math.ceil(count.objects * 1000.0 / settings.rate()));
        return new ReplayPlan(count.objects, count.bytes, count.lossMarkers, count.notArchiveKeys, count.sample,
                target, settings.rate(), settings.concurrency(), estimate, status, previouslyDelivered, journal);
    }

    /** Running totals of the planning pass. */
    static final class PlanCount {
        long objects;
        long bytes;
        long lossMarkers;
        long notArchiveKeys;
        final List<String> sample = new java.util.ArrayList<>();
    }
}
