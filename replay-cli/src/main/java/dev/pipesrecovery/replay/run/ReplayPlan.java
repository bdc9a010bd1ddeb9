package dev.pipesrecovery.replay.run;

import dev.pipesrecovery.replay.selection.StatusFilter;
import java.time.Duration;
import java.util.List;

/**
 * What a replay will do, shown before anything is sent: what the selection holds, the target, the pace, and the
 * journal an earlier run of the same replay left. {@code estimatedDuration} is null when the rate is unlimited.
 */
public record ReplayPlan(
        Selected selected,
        StatusFilter status,
        String target,
        double rate,
        int concurrency,
        Duration estimatedDuration,
        int previouslyDelivered,
        String journal) {

    /**
     * The selection as listed: {@code objects} counts every archived record before the status filter (tags are read
     * during the run), so it is an upper bound when {@code --status} is not {@code all}; {@code sample} holds the
     * first few keys.
     */
    public record Selected(long objects, long bytes, long lossMarkers, long notArchiveKeys, List<String> sample) {

        public Selected {
            sample = List.copyOf(sample);
        }
    }

    public static ReplayPlan of(
            Selected selected,
            String target,
            ReplaySettings settings,
            StatusFilter status,
            int previouslyDelivered,
            String journal) {
        Duration estimate = settings.rate() == 0
                ? null
                : Duration.ofMillis((long) Math.ceil(selected.objects() * 1000.0 / settings.rate()));
        return new ReplayPlan(
                selected,
                status,
                target,
                settings.rate(),
                settings.concurrency(),
                estimate,
                previouslyDelivered,
                journal);
    }
}
