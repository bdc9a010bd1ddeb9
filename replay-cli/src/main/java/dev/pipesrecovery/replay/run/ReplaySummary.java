package dev.pipesrecovery.replay.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a replay run: the summary printed at the end and written to the run's report file (whose JSON
 * field names are in parentheses). Every selected record is counted in exactly one of delivered, skipped or not
 * delivered. {@code stopReason} says why the run stopped early ({@code circuitBreaker}), null when it did not.
 */
public record ReplaySummary(
        Run run,
        Delivered delivered,
        Skipped skipped,
        NotDelivered notDelivered,
        Marking marking,
        Pace pace,
        Files files,
        String stopReason) {

    /** At most this many blocked keys are listed (all are counted, and each held record is in the failures file). */
    public static final int BLOCKED_KEYS_LISTED = 100;

    /** Which run: its id (tags, report file), its identity (journal), the target, when it started and for how long. */
    public record Run(String id, String identity, String target, Instant startedAt, long durationMillis) {}

    /** What reached the target: records, their bytes, in how many requests (retries included). */
    public record Delivered(long records, long bytes, long requests) {}

    /**
     * Listed, and rightly not sent: delivered by an earlier run ({@code skippedAlreadyDelivered}), of another status
     * ({@code skippedOtherStatus}; of those, not delivered yet, so their keys were held:
     * {@code skippedOtherStatusUndelivered}), deleted since listed ({@code skippedMissing}); and what is not a record.
     */
    public record Skipped(
            long alreadyDelivered,
            long otherStatus,
            long otherStatusUndelivered,
            long missing,
            long notArchiveKeys,
            long lossMarkers) {}

    /**
     * Selected and not delivered: failed for good (by code), not attempted (the run stopped early), or blocked — held
     * back behind an undelivered earlier record of their partition key ({@code blockedKeys}: the first
     * {@link #BLOCKED_KEYS_LISTED} of {@code blockedKeyCount}).
     */
    public record NotDelivered(
            long failed,
            Map<String, Long> failedByCode,
            long notAttempted,
            long blocked,
            List<BlockedKey> blockedKeys,
            long blockedKeyCount) {

        public NotDelivered {
            failedByCode = Map.copyOf(failedByCode);
            blockedKeys = List.copyOf(blockedKeys);
        }
    }

    /**
     * After delivery: objects that could not be tagged, objects whose own tags made room for the status; keys this
     * run stopped because another sender saved their checkpoint first ({@code checkpointConflicts}), and checkpoint
     * reads or saves that failed ({@code checkpointFailures}).
     */
    public record Marking(long failures, long foreignTagsDropped, long checkpointConflicts, long checkpointFailures) {}

    /** How fast: delivered records per second of the run, and the latency of a record's request(s). */
    public record Pace(double achievedPerSecond, double latencyP50Millis, double latencyP99Millis) {}

    /**
     * Where the details are: the journal; the failures file, null when nothing needed a line; why lines could not be
     * written to it, null when they could.
     */
    public record Files(String journal, String failuresFile, String failuresFileProblem) {}

    public ReplaySummary {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(skipped, "skipped");
        Objects.requireNonNull(notDelivered, "notDelivered");
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(files, "files");
    }

    /** The run stopped early: the circuit breaker opened, or the journal could not be written. */
    public boolean stoppedEarly() {
        return stopReason != null;
    }

    /** Nothing of the selection was there to replay (not even already-delivered objects). */
    public boolean nothingMatched() {
        return delivered.records()
                        + skipped.alreadyDelivered()
                        + notDelivered.failed()
                        + skipped.missing()
                        + notDelivered.notAttempted()
                        + notDelivered.blocked()
                == 0;
    }

    /** Nothing selected is left undelivered: no failure, nothing held back, nothing left unattempted. */
    public boolean complete() {
        return notDelivered.failed() == 0
                && notDelivered.blocked() == 0
                && notDelivered.notAttempted() == 0
                && !stoppedEarly();
    }
}
