package dev.pipesrecovery.replay;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.retry.Sleeper;
import java.util.function.DoubleSupplier;

/** What every lane of one run shares. */
record ReplayContext(
        ArchiveStore store,
        ReplayTarget target,
        ReplayJournal journal,
        ReplayCounters counters,
        CircuitBreaker breaker,
        TokenBucket limiter,
        ObjectMarker marker,
        FailureLog failureLog,
        ReplaySettings settings,
        StatusFilter status,
        String runId,
        Sleeper sleeper,
        DoubleSupplier random) {
}
