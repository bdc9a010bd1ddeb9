package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.journal.ReplayJournal;
import dev.pipesrecovery.replay.run.ReplayRequest;
import dev.pipesrecovery.replay.run.ReplaySettings;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.KeyCheckpoints;
import dev.pipesrecovery.replay.target.ReplayTarget;

/**
 * What every lane of one run shares: the archive and its key layout, the run's request (selection, target, settings, run id), where its
 * outcomes are recorded, what paces and stops it, and time. The shortcuts below name what the parts are used for.
 */
record ReplayContext(
        ArchiveStore store,
        KeyLayout layout,
        ReplayRequest request,
        RunRecords records,
        FlowControl flow,
        EngineTime time) {

    /**
     * Where the run's outcomes go: the journal (durable, for resuming), the counters (progress and summary), the
     * failures file, the objects' tags, and the keys' checkpoints in the bucket (resuming from any machine), read and
     * saved for every key or only when a key must be saved ({@code checkpointsOnDemand}, see {@code LaneCheckpoints}).
     */
    record RunRecords(
            ReplayJournal journal,
            ReplayCounters counters,
            FailureLog failureLog,
            ObjectMarker marker,
            KeyCheckpoints checkpoints,
            boolean checkpointsOnDemand) {}

    /** What paces the run (the rate limiter shared by every lane) and what stops it (the circuit breaker). */
    record FlowControl(TokenBucket limiter, CircuitBreaker breaker) {}

    ReplayTarget target() {
        return request.target();
    }

    ReplaySettings settings() {
        return request.settings();
    }

    StatusFilter status() {
        return request.selection().status();
    }

    String runId() {
        return request.runId();
    }

    ReplayJournal journal() {
        return records.journal();
    }

    ReplayCounters counters() {
        return records.counters();
    }

    FailureLog failureLog() {
        return records.failureLog();
    }

    ObjectMarker marker() {
        return records.marker();
    }

    KeyCheckpoints checkpoints() {
        return records.checkpoints();
    }

    boolean checkpointsOnDemand() {
        return records.checkpointsOnDemand();
    }

    TokenBucket limiter() {
        return flow.limiter();
    }

    CircuitBreaker breaker() {
        return flow.breaker();
    }
}
