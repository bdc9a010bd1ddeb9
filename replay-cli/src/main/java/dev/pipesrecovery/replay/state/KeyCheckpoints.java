package dev.pipesrecovery.replay.state;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.StoredObject;
import java.util.Optional;

/**
 * The checkpoints of one run in the archive bucket ({@link RunStateKeys}). Each save names the version it read
 * ({@code If-Match} on its ETag, {@code If-None-Match: *} for a new key), so two machines that work on the same key
 * cannot both advance it: the loser gets empty back and must stop sending that key.
 * <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html">S3 conditional writes</a>
 */
public final class KeyCheckpoints {

    /** A checkpoint as read, with the ETag a save must name to replace it. */
    public record Versioned(KeyCheckpoint checkpoint, String eTag) {}

    private final ArchiveStore store;
    private final RunStateKeys keys;

    public KeyCheckpoints(ArchiveStore store, RunStateKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** The key's checkpoint, or empty when the run has none for it yet. */
    public Optional<Versioned> load(String consumer, String encodedPartitionKey, Integer chunk) {
        Optional<StoredObject> stored = store.read(keys.checkpoint(consumer, encodedPartitionKey, chunk));
        return stored.map(s -> new Versioned(KeyCheckpoint.fromJson(s.body()), s.eTag()));
    }

    /**
     * Writes {@code checkpoint} over the version read ({@code readETag}; null: only if there is none yet).
     *
     * @return the saved version, or empty when another writer saved first (re-load to see what it did)
     */
    public Optional<Versioned> save(KeyCheckpoint checkpoint, String readETag) {
        ArchiveWrite write = new ArchiveWrite(
                keys.checkpoint(checkpoint.consumer(), checkpoint.encodedPartitionKey(), checkpoint.chunk()),
                checkpoint.toJson());
        return store.putIfUnchanged(write, readETag).map(eTag -> new Versioned(checkpoint, eTag));
    }
}
