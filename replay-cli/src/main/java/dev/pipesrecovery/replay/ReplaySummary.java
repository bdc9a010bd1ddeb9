package dev.pipesrecovery.replay;

import java.time.Instant;
import java.util.Map;

/** The result of a replay run: the summary printed at the end and written to the run's report file. */
public record ReplaySummary(
        String runId,
        String runIdentity,
        String target,
        Instant startedAt,
        long durationMillis,
        long listed,
        long delivered,
        long deliveredBytes,
        long alreadyDelivered,
        long missing,
        long failed,
        Map<String, Long> failedByCode,
        long notAttempted,
        long otherStatus,
        long notArchiveKeys,
        long lossMarkers,
        long markFailures,
        long requests,
        double achievedPerSecond,
        double latencyP50Millis,
        double latencyP99Millis,
        String circuitBreaker,
        String journal,
        String failuresFile) {

    public ReplaySummary {
        failedByCode = Map.copyOf(failedByCode);
    }

    public boolean circuitOpen() {
        return circuitBreaker != null;
    }

    /** Nothing of the selection was there to replay (not even already-delivered objects). */
    public boolean nothingMatched() {
        return delivered + alreadyDelivered + failed + missing + notAttempted == 0;
    }
}
