package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.replay.journal.ReplayJournal;
import dev.pipesrecovery.replay.run.ReplaySettings;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.target.ReplayTarget;

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
        EngineTime time) {
}
