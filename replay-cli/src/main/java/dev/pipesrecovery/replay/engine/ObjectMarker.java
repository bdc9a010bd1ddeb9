package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.replay.journal.ReplayJournal;
import dev.pipesrecovery.replay.run.OnSuccess;
import dev.pipesrecovery.replay.selection.ReplayTags;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Marks archive objects after their outcome: delivered ones per {@code --on-success}, failed ones tagged
 * {@code pipes-replay:status=failed} with the error code so the next run selects them. Called only after the
 * delivered records are in the journal, and never throws: whatever goes wrong (S3, a tag set S3 refuses) is counted
 * and reported for that object alone, so marking can never undo or repeat a delivery. Foreign tags are kept
 * ({@link ReplayTags}); when the listing did not read them, they are read first rather than overwritten.
 */
public final class ObjectMarker {

    /** Where marking reports what it did; the local engine's journal, counters and failures file, or a worker's log. */
    public interface Reports {

        /** The object is tagged (or deleted) as delivered. */
        void marked(String key);

        /** Tagging or deleting the object failed; nothing else is affected. */
        void markingFailed(String key, String message);

        /** Foreign tags had to go to make room for the status tags ({@link ReplayTags}). */
        void foreignTagsDropped(String key, List<String> droppedKeys);
    }

    private final ArchiveStore store;
    private final OnSuccess onSuccess;
    private final String runId;
    private final Clock clock;
    private final Reports reports;

    public ObjectMarker(ArchiveStore store, OnSuccess onSuccess, String runId, Clock clock, Reports reports) {
        this.store = store;
        this.onSuccess = onSuccess;
        this.runId = runId;
        this.clock = clock;
        this.reports = reports;
    }

    /** The local engine's: marked keys to the journal, problems counted and to the failures file. */
    ObjectMarker(
            ArchiveStore store,
            OnSuccess onSuccess,
            String runId,
            Clock clock,
            ReplayCounters counters,
            FailureLog failureLog,
            ReplayJournal journal) {
        this(store, onSuccess, runId, clock, engineReports(counters, failureLog, journal));
    }

    private static Reports engineReports(ReplayCounters counters, FailureLog failureLog, ReplayJournal journal) {
        return new Reports() {
            @Override
            public void marked(String key) {
                journal.recordMarked(key);
            }

            @Override
            public void markingFailed(String key, String message) {
                counters.markFailures.increment();
                failureLog.markingFailed(key, message);
            }

            @Override
            public void foreignTagsDropped(String key, List<String> droppedKeys) {
                counters.foreignTagsDropped.increment();
                failureLog.warning(
                        key,
                        "ForeignTagsDropped",
                        "dropped tag(s) " + String.join(", ", droppedKeys) + " to make room for " + ReplayTags.STATUS
                                + " (S3 allows " + ReplayTags.MAX_TAGS + " tags per object)");
            }
        };
    }

    /** @param knownTags the object's tags as read while selecting, or null when they were not read */
    public void delivered(String key, Map<String, String> knownTags) {
        if (onSuccess == OnSuccess.KEEP) {
            return;
        }
        try {
            if (onSuccess == OnSuccess.DELETE) {
                store.delete(key);
            } else {
                tag(key, knownTags, existing -> ReplayTags.replayed(existing, runId, clock.instant()));
            }
            reports.marked(key);
        } catch (RuntimeException e) {
            reportFailure(key, e);
        }
    }

    public void failed(String key, Map<String, String> knownTags, String code) {
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
            reports.foreignTagsDropped(key, set.droppedForeignKeys());
        }
    }

    /** An ArchiveException, an SDK error or a tag set S3 refuses: this object only. */
    private void reportFailure(String key, RuntimeException e) {
        reports.markingFailed(key, String.valueOf(e.getMessage()));
    }
}
