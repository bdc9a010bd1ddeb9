package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.replay.run.BlockedKey;
import dev.pipesrecovery.replay.run.ReplaySummary;
import dev.pipesrecovery.replay.state.KeyCheckpoint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What a replay did so far; updated by every worker, read by the progress line and, at the end, the summary. */
final class ReplayCounters {

    final LongAdder delivered = new LongAdder();
    final LongAdder deliveredBytes = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder alreadyDelivered = new LongAdder();
    final LongAdder missing = new LongAdder();
    final LongAdder notArchiveKeys = new LongAdder();
    final LongAdder lossMarkers = new LongAdder();
    final LongAdder notAttempted = new LongAdder();
    /** Listed, but excluded by {@code --status} (read from the tags). */
    final LongAdder otherStatus = new LongAdder();
    /** Of {@link #otherStatus}: not delivered yet (archived or failed), so its key's later records were held. */
    final LongAdder otherStatusUndelivered = new LongAdder();
    /** Not sent because an earlier record of their partition key was not delivered in this run. */
    final LongAdder blocked = new LongAdder();

    final LongAdder markFailures = new LongAdder();
    /** Objects that lost foreign tags to make room for the replay status. */
    final LongAdder foreignTagsDropped = new LongAdder();

    /** Key checkpoints saved DONE, FAILED, BLOCKED (key segments: a key's records of one day). */
    final LongAdder keysDone = new LongAdder();

    final LongAdder keysFailed = new LongAdder();
    final LongAdder keysBlocked = new LongAdder();
    /** Keys this run stopped sending because another sender saved their checkpoint first. */
    final LongAdder checkpointConflicts = new LongAdder();
    /** Checkpoint reads or saves that failed (S3 error): the journal and tags still guard this machine. */
    final LongAdder checkpointFailures = new LongAdder();

    final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, LongAdder> failedByCode = new ConcurrentHashMap<>();

    void failed(String code) {
        failedByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void keySaved(KeyCheckpoint.Status status) {
        switch (status) {
            case DONE -> keysDone.increment();
            case FAILED -> keysFailed.increment();
            case BLOCKED -> keysBlocked.increment();
            case RUNNING -> {}
        }
    }

    /** Whether a record failed for good with {@code code} in this run. */
    boolean failedWith(String code) {
        return failedByCode.containsKey(code);
    }

    long failed() {
        return failedByCode.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> failedByCode() {
        Map<String, Long> copy = new TreeMap<>();
        failedByCode.forEach((code, count) -> copy.put(code, count.sum()));
        return copy;
    }

    /** Items finished one way or another (for progress). */
    long done() {
        return delivered.sum() + alreadyDelivered.sum() + missing.sum() + otherStatus.sum() + failed() + blocked.sum();
    }

    /** Whether anything went to the failures file (a failure, a skip worth a look, a held record, a warning). */
    boolean anyFailureLine() {
        return failed()
                        + missing.sum()
                        + markFailures.sum()
                        + blocked.sum()
                        + foreignTagsDropped.sum()
                        + checkpointConflicts.sum()
                        + checkpointFailures.sum()
                        + notArchiveKeys.sum()
                > 0;
    }

    /** The counts as the summary's parts; {@code blockedKeys} are every key held back, in key order. */
    ReplaySummary summary(
            ReplaySummary.Run run, List<BlockedKey> blockedKeys, String stopReason, ReplaySummary.Files files) {
        return new ReplaySummary(
                run,
                new ReplaySummary.Delivered(delivered.sum(), deliveredBytes.sum(), requests.sum()),
                new ReplaySummary.Skipped(
                        alreadyDelivered.sum(),
                        otherStatus.sum(),
                        otherStatusUndelivered.sum(),
                        missing.sum(),
                        notArchiveKeys.sum(),
                        lossMarkers.sum()),
                new ReplaySummary.NotDelivered(
                        failed(),
                        failedByCode(),
                        notAttempted.sum(),
                        blocked.sum(),
                        blockedKeys.subList(0, Math.min(blockedKeys.size(), ReplaySummary.BLOCKED_KEYS_LISTED)),
                        blockedKeys.size()),
                new ReplaySummary.Marking(
                        markFailures.sum(),
                        foreignTagsDropped.sum(),
                        checkpointConflicts.sum(),
                        checkpointFailures.sum()),
                new ReplaySummary.Pace(
                        delivered.sum() * 1000.0 / run.durationMillis(),
                        latency.quantileMillis(0.50),
                        latency.quantileMillis(0.99)),
                files,
                stopReason);
    }
}
