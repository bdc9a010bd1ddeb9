package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.replay.journal.ReplayJournal;
import dev.pipesrecovery.replay.run.OnSuccess;
import dev.pipesrecovery.replay.selection.ReplayTags;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Marks archive objects after their outcome: delivered ones per {@code --on-success}, failed ones tagged
 * {@code pipes-replay:status=failed} with the error code so the next run selects them. Called only after the
 * delivered records are in the journal, and never throws: whatever goes wrong (S3, a tag set S3 refuses) is counted
 * and reported for that object alone, so marking can never undo or repeat a delivery. Foreign tags are kept
 * ({@link ReplayTags}); when the listing did not read them, they are read first rather than overwritten.
 */
final class ObjectMarker {

    private final ArchiveStore store;
    private final OnSuccess onSuccess;
    private final String runId;
    private final Clock clock;
    private final ReplayCounters counters;
    private final FailureLog failureLog;
    private final ReplayJournal journal;

    ObjectMarker(
            ArchiveStore store,
            OnSuccess onSuccess,
            String runId,
            Clock clock,
            ReplayCounters counters,
            FailureLog failureLog,
            ReplayJournal journal) {
        this.store = store;
        this.onSuccess = onSuccess;
        this.runId = runId;
        this.clock = clock;
        this.counters = counters;
        this.failureLog = failureLog;
        this.journal = journal;
    }

    /** @param knownTags the object's tags as read while selecting, or null when they were not read */
    void delivered(String key, Map<String, String> knownTags) {
        if (onSuccess == OnSuccess.KEEP) {
            return;
        }
        try {
            if (onSuccess == OnSuccess.DELETE) {
                store.delete(key);
            } else {
                tag(key, knownTags, existing -> ReplayTags.replayed(existing, runId, clock.instant()));
            }
            journal.recordMarked(key);
        } catch (RuntimeException e) {
            reportFailure(key, e);
        }
    }

    void failed(String key, Map<String, String> knownTags, String code) {
        try {
            tag(key, knownTags, existing -> ReplayTags.failed(existing, runId, clock.instant(), code));
        } catch (RuntimeException e) {
            reportFailure(key, e);
        }
    }

    private void tag(String key, Map<String, String> knownTags, Function<Map<String, String>, ReplayTags.TagSet> tags) {
        ReplayTags.TagSet set = tags.apply(knownTags != null ? knownTags : store.tags(key));
        store.putTags(key, set.tags());
        if (!set.droppedForeignKeys().isEmpty()) {
            counters.foreignTagsDropped.increment();
            failureLog.warning(
                    key,
                    "ForeignTagsDropped",
                    "dropped tag(s) " + String.join(", ", set.droppedForeignKeys()) + " to make room for "
                            + ReplayTags.STATUS + " (S3 allows "
                            + ReplayTags.MAX_TAGS + " tags per object)");
        }
    }

    /** An ArchiveException, an SDK error or a tag set S3 refuses: this object only. */
    private void reportFailure(String key, RuntimeException e) {
        counters.markFailures.increment();
        failureLog.markingFailed(key, String.valueOf(e.getMessage()));
    }
}
