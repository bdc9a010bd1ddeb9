package dev.pipesrecovery.replay.state;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.StoredObject;
import dev.pipesrecovery.archive.WriteOutcome;
import java.util.Map;
import java.util.Optional;

/**
 * A run's state in the archive bucket ({@link RunStateKeys}). Opening it writes {@code run.json} the first time
 * (conditional write: two machines starting the same run keep one description) and tags it, and from then on every
 * start reads it once. That read also tells whether this caller can trust a GET's tag count: S3 sends
 * {@code x-amz-tagging-count} only when the object has tags and the caller may read them, so a count of 0 means
 * "untagged" only once a tagged object was seen with its count — run.json, tagged here, is that object. A store that
 * does not send the count (S3Mock does not), or a caller that may not read tags, leaves the run on one tag read per
 * object, as before. <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html">GetObject</a>
 */
public final class BucketRunState {

    /** The tag run.json carries; its count on the GET is the proof. */
    static final Map<String, String> PROBE_TAG = Map.of("pipes-replay:run-state", "run");

    private final RunStateKeys keys;
    private final boolean tagCountTrusted;
    private final boolean firstStart;
    private final String problem;

    private BucketRunState(RunStateKeys keys, boolean tagCountTrusted, boolean firstStart, String problem) {
        this.keys = keys;
        this.tagCountTrusted = tagCountTrusted;
        this.firstStart = firstStart;
        this.problem = problem;
    }

    /** Never throws: a bucket that refuses the run state leaves the run on the per-object tag reads. */
    public static BucketRunState open(ArchiveStore store, RunStateKeys keys, RunDescription description) {
        try {
            Optional<StoredObject> run = store.read(keys.runJson());
            boolean firstStart = false;
            if (run.isEmpty()) {
                // a conditional write: of two machines starting the run at once, one writes it and starts first
                firstStart = store.putIfAbsent(new ArchiveWrite(keys.runJson(), description.toJson()))
                        == WriteOutcome.CREATED;
                tagAsProof(store, keys);
                run = store.read(keys.runJson());
            }
            boolean trusted = run.map(BucketRunState::provesTagCount).orElse(false);
            return new BucketRunState(
                    keys,
                    trusted,
                    firstStart,
                    trusted
                            ? null
                            : "the store did not give run.json's tag count with the object: tags are read per object");
        } catch (RuntimeException e) {
            return new BucketRunState(keys, false, false, "run state not readable or writable: " + e.getMessage());
        }
    }

    /** Tags run.json so that a later GET of it proves whether this caller is given tag counts (the run's writer). */
    public static void tagAsProof(ArchiveStore store, RunStateKeys keys) {
        store.putTags(keys.runJson(), PROBE_TAG);
    }

    /** Whether run.json, as a GET gave it, carries the count of the tag {@link #tagAsProof} wrote. */
    public static boolean provesTagCount(StoredObject runJson) {
        return runJson.tagCount() == PROBE_TAG.size();
    }

    /**
     * The tags of {@code key} as its GET ({@code stored}) tells them, for the local engine and the managed worker
     * alike: none, at no cost, when the GET counted none and the count is trusted ({@link #tagCountTrusted},
     * {@link #provesTagCount}); otherwise read (one more request).
     */
    public static Map<String, String> tagsAfterGet(
            ArchiveStore store, String key, StoredObject stored, boolean tagCountTrusted) {
        return tagCountTrusted && stored.tagCount() == 0 ? Map.of() : store.tags(key);
    }

    public RunStateKeys keys() {
        return keys;
    }

    /** True when a GET's tag count of 0 may stand for "no tags" (saves a tag read per untagged object). */
    public boolean tagCountTrusted() {
        return tagCountTrusted;
    }

    /**
     * True when this start wrote run.json: no earlier start of the run (on any machine) can have left checkpoints,
     * so the engine need not read a key's checkpoint before sending it. False when unsure (the bucket refused).
     */
    public boolean firstStart() {
        return firstStart;
    }

    /** Why the tag count is not trusted, or null. */
    public String problem() {
        return problem;
    }
}
