package dev.pipesrecovery.replay.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a replay run: the summary printed at the end and written to the run's report file.
 * {@code circuitBreaker} says why the run stopped early (null when it did not).
 */
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
        long otherStatusUndelivered,
        long blocked,
        List<BlockedKey> blockedKeys,
        long blockedKeyCount,
        long notArchiveKeys,
        long lossMarkers,
        long markFailures,
        long foreignTagsDropped,
        long requests,
        double achievedPerSecond,
        double latencyP50Millis,
        double latencyP99Millis,
        String circuitBreaker,
        String journal,
        String failuresFile,
        String failuresFileProblem) {

    /** At most this many blocked keys are listed (all are counted, and each held record is in the failures file). */
    public static final int BLOCKED_KEYS_LISTED = 100;

    public ReplaySummary {
        failedByCode = Map.copyOf(failedByCode);
        blockedKeys = List.copyOf(blockedKeys);
    }

    /** The run stopped early: the circuit breaker opened, or the journal could not be written. */
    public boolean circuitOpen() {
        return circuitBreaker != null;
    }

    /** Nothing of the selection was there to replay (not even already-delivered objects). */
    public boolean nothingMatched() {
        return delivered + alreadyDelivered + failed + missing + notAttempted + blocked == 0;
    }

    /** Nothing selected is left undelivered: no failure, nothing held back, nothing left unattempted. */
    public boolean complete() {
        return failed == 0 && blocked == 0 && notAttempted == 0 && !circuitOpen();
    }
}
