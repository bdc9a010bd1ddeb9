package dev.pipesrecovery.replay;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchiveStore;
import java.time.Clock;
import java.util.Map;

/**
 * Marks archive objects after their outcome: delivered ones per {@code --on-success}, failed ones tagged
 * {@code pipes-replay:status=failed} with the error code so {@code --status failed} selects them next time.
 * A marking failure is counted and reported but does not fail the delivery: the journal already has the key.
 */
final class ObjectMarker {

    private final ArchiveStore store;
    private final OnSuccess onSuccess;
    private final String runId;
    private final Clock clock;
    private final ReplayCounters counters;
    private final FailureLog failureLog;

    ObjectMarker(ArchiveStore store, OnSuccess onSuccess, String runId, Clock clock, ReplayCounters counters,
                 FailureLog failureLog) {
        this.store = store;
        this.onSuccess = onSuccess;
        this.runId = runId;
        this.clock = clock;
        this.counters = counters;
        this.failureLog = failureLog;
    }

    void delivered(String key, Map<String, String> knownTags) {
        try {
            switch (onSuccess) {
                case tag -> store.putTags(key, ReplayTags.replayed(orEmpty(knownTags), runId, clock.instant()));
                case delete -> store.delete(key);
                case keep -> { }
            }
        } catch (ArchiveException e) {
            counters.markFailures.increment();
            failureLog.markingFailed(key, e.getMessage());
        }
    }

    void failed(String key, Map<String, String> knownTags, String code) {
        try {
            store.putTags(key, ReplayTags.failed(orEmpty(knownTags), runId, clock.instant(), code));
        } catch (ArchiveException e) {
            counters.markFailures.increment();
            failureLog.markingFailed(key, e.getMessage());
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> tags) {
        return tags == null ? Map.of() : tags;
    }
}
