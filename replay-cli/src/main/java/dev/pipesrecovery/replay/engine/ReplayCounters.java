package dev.pipesrecovery.replay.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What a replay did so far; updated by every worker, read by the progress line and the summary. */
final class ReplayCounters {

    final LongAdder listed = new LongAdder();
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
    final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, LongAdder> failedByCode = new ConcurrentHashMap<>();

    void failed(String code) {
        failedByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
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
}
