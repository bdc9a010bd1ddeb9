package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.replay.state.KeyProgress;
import dev.pipesrecovery.replay.target.ReplayItem;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One lane's per-key checkpoints in the bucket ({@link KeyProgress}), so that the same run resumed on another
 * machine (another state dir, no journal) skips what this one delivered. A key is resumed (one GET) when the lane
 * first meets one of its records to send; its records that the checkpoint says were delivered are skipped; a delivery
 * is marked after the journal has it; the checkpoint is saved every {@link #SAVE_EVERY_RECORDS} deliveries or
 * {@link #SAVE_EVERY_NANOS} of the key, when the lane moves on to another key (DONE, or RUNNING when the run is
 * stopping), and at once when the key fails (FAILED) or is held back (BLOCKED). Only the keys in flight are kept:
 * memory does not grow with the selection. A key whose save finds that another sender saved since (a lost race) is
 * stopped in this run: reported (failures file, summary) and held back ({@code stop}).
 *
 * <p>With checkpoints on demand ({@code ReplayEngine}: a run's first start whose deliveries the archive records by
 * itself, tags or deletions), a key's checkpoint is neither read when the lane meets the key nor saved when the lane
 * moves on: its deliveries are counted here and told to the checkpoint ({@link KeyProgress#deliveredThrough}) only
 * when it must be saved (the cadence, a failure, a hold), and only then is it read. The default path then costs no
 * checkpoint request for a key of fewer than 1,000 records sent in under 30 s.
 *
 * <p>Not thread-safe: one per lane, used by the lane's thread only.
 */
final class LaneCheckpoints {

    static final int SAVE_EVERY_RECORDS = 1_000;
    static final long SAVE_EVERY_NANOS = 30_000_000_000L;
    /** The hold cause of a key another sender advanced. */
    static final String CONFLICT = "CheckpointConflict";

    private static final class Active {
        /** Null until the key must be saved, when checkpoints are on demand. */
        KeyProgress progress;

        final String consumer;
        final String encodedPartitionKey;
        /** On demand: deliveries not yet told to {@link #progress}, and the last of them. */
        long untold;

        String lastUntold;
        final String identity;
        final String orderingKey;
        String lastItem;
        long savedAtNanos;
        boolean ending;
        /** Sticky once the key failed or was held (with --send-after-failure it goes on sending). */
        KeyCheckpoint.Status stopped;

        String failure;

        Active(KeyProgress progress, ArchiveKey key, String identity, String orderingKey, long now) {
            this.progress = progress;
            this.consumer = key.consumer();
            this.encodedPartitionKey = key.encodedPartitionKey();
            this.identity = identity;
            this.orderingKey = orderingKey;
            this.savedAtNanos = now;
        }
    }

    private final ReplayContext context;
    /** Holds a key's later records back: (ordering key, archive key of the record that could not be checkpointed). */
    private final BiConsumer<String, String> stop;

    private final Map<String, Active> active = new LinkedHashMap<>();

    LaneCheckpoints(ReplayContext context, BiConsumer<String, String> stop) {
        this.context = context;
        this.stop = stop;
    }

    /**
     * True (and counted as already delivered) when the key's checkpoint says {@code item} was delivered; marked per
     * {@code --on-success} if its tags (when read) show the sender that delivered it could not.
     */
    boolean skipDelivered(ReplayItem item) {
        Active key = activate(item.s3Key(), item.orderingKey());
        if (key == null || key.progress == null || !key.progress.alreadyDelivered(item.s3Key())) {
            return false;
        }
        context.counters().alreadyDelivered.increment();
        Map<String, String> tags = item.tags();
        if (tags != null && !ReplayTags.REPLAYED.equals(tags.get(ReplayTags.STATUS))) {
            context.marker().delivered(item.s3Key(), tags); // finish what the sender that delivered it could not
        }
        return true;
    }

    /** {@code item} was delivered and journaled: advance its key, saving at the cadence. */
    void delivered(ReplayItem item) {
        String identity = identity(item.s3Key());
        Active key = identity == null ? null : active.get(identity);
        if (key == null) {
            return; // its checkpoint could not be read, or another sender took the key
        }
        if (key.progress == null) {
            key.untold++;
            key.lastUntold = item.s3Key();
        } else {
            try {
                key.progress.delivered(item.s3Key());
            } catch (IllegalArgumentException e) { // never undo a delivery: say so, the key goes on unchecked
                notSaved(item.s3Key(), "delivery not checkpointed: " + e.getMessage());
                return;
            }
        }
        key.lastItem = item.s3Key();
        long now = context.time().monotonic().nanoTime();
        long unsaved = key.progress == null ? key.untold : key.progress.unsaved();
        if (unsaved >= SAVE_EVERY_RECORDS || now - key.savedAtNanos >= SAVE_EVERY_NANOS) {
            save(key, KeyCheckpoint.Status.RUNNING);
        }
    }

    /** The record {@code s3Key} was not delivered, for {@code cause}: the key saves FAILED or BLOCKED at once. */
    void held(String s3Key, String cause) {
        if (CONFLICT.equals(cause)) {
            return; // nothing to save: another sender owns the key now
        }
        String identity = identity(s3Key);
        Active key = identity == null ? sentWithOrderingKey(s3Key) : activate(s3Key, null);
        if (key == null) {
            return; // no key in flight to checkpoint
        }
        key.failure = cause;
        if (identity != null) {
            key.lastItem = s3Key;
        }
        // a record that failed for good was counted under its code first; a record excluded by --status was not
        key.stopped = context.counters().failedWith(cause) ? KeyCheckpoint.Status.FAILED : KeyCheckpoint.Status.BLOCKED;
        save(key, key.stopped);
        if (context.settings().holdKeyAfterFailure()) {
            active.remove(key.identity); // it sends nothing more in this run
        }
    }

    /** After a batch: the keys the lane has moved on from are saved and forgotten. */
    void afterBatch() {
        Iterator<Active> keys = active.values().iterator();
        while (keys.hasNext()) {
            Active key = keys.next();
            if (key.ending) {
                keys.remove();
                if (key.progress == null) {
                    // on demand, never saved: its deliveries are in the archive's tags (or deletions) and the journal
                    context.counters().keySaved(KeyCheckpoint.Status.DONE);
                } else {
                    save(key, context.breaker().isOpen() ? KeyCheckpoint.Status.RUNNING : KeyCheckpoint.Status.DONE);
                }
            }
        }
    }

    /** The lane's end: every key still in flight is saved. */
    void finish() {
        active.values().forEach(key -> key.ending = true);
        afterBatch();
    }

    /** The key in flight whose ordering key is {@code orderingKey} (a failed read names only that), or null. */
    private Active sentWithOrderingKey(String orderingKey) {
        return active.values().stream()
                .filter(key -> key.orderingKey.equals(orderingKey))
                .findFirst()
                .orElse(null);
    }

    private Active activate(String s3Key, String orderingKey) {
        String identity = identity(s3Key);
        if (identity == null) {
            return null;
        }
        Active key = active.get(identity);
        if (key != null) {
            return key;
        }
        ArchiveKey archiveKey = context.layout().parse(s3Key);
        active.values().forEach(other -> other.ending = true); // a lane gets a key's records one after the other
        try {
            KeyProgress progress = context.checkpointsOnDemand()
                    ? null
                    : resume(archiveKey.consumer(), archiveKey.encodedPartitionKey());
            key = new Active(
                    progress,
                    archiveKey,
                    identity,
                    orderingKey != null ? orderingKey : archiveKey.encodedPartitionKey(),
                    context.time().monotonic().nanoTime());
            active.put(identity, key);
            return key;
        } catch (RuntimeException e) {
            notSaved(s3Key, "checkpoint not readable (the key goes on without one): " + e.getMessage());
            return null;
        }
    }

    private KeyProgress resume(String consumer, String encodedPartitionKey) {
        return KeyProgress.resume(
                context.checkpoints(), context.layout(), context.time().wall(), consumer, encodedPartitionKey, null);
    }

    private void save(Active key, KeyCheckpoint.Status status) {
        KeyCheckpoint.Status effective = key.stopped != null ? key.stopped : status;
        String subject = key.lastItem != null ? key.lastItem : key.encodedPartitionKey;
        try {
            if (key.progress == null) { // on demand: read it now, and tell it what was delivered since
                key.progress = resume(key.consumer, key.encodedPartitionKey);
                if (key.untold > 0) {
                    key.progress.deliveredThrough(key.lastUntold, key.untold);
                }
                key.untold = 0;
            }
        } catch (IllegalArgumentException e) {
            // its checkpoint is already past what this lane delivered: another sender advanced the key
            conflict(key, subject);
            return;
        } catch (RuntimeException e) {
            key.progress = null;
            notSaved(subject, "checkpoint not readable (the key goes on without one): " + e.getMessage());
            return;
        }
        try {
            if (key.progress.save(effective, key.failure)) {
                key.savedAtNanos = context.time().monotonic().nanoTime();
                context.counters().keySaved(effective);
                return;
            }
        } catch (RuntimeException e) {
            notSaved(
                    subject,
                    "checkpoint not saved (this machine's journal still has the deliveries): " + e.getMessage());
            return;
        }
        conflict(key, subject);
    }

    private void conflict(Active key, String subject) {
        active.values().remove(key);
        context.counters().checkpointConflicts.increment();
        context.failureLog()
                .warning(
                        subject,
                        CONFLICT,
                        "another sender of this run saved the key's checkpoint since this one read it: this run "
                                + "stops sending the key (run `pipes-replay status` to see where it stands)");
        stop.accept(key.orderingKey, subject);
    }

    private void notSaved(String subject, String message) {
        context.counters().checkpointFailures.increment();
        context.failureLog().warning(subject, "CheckpointFailed", message);
    }

    /** {@code <consumer>/<encoded partition key>}: what a checkpoint is named after; null for no archive key. */
    private String identity(String s3Key) {
        try {
            ArchiveKey key = context.layout().parse(s3Key);
            return key.consumer() + "/" + key.encodedPartitionKey();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
