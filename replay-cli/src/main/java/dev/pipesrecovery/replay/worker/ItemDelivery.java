package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.StoredObject;
import dev.pipesrecovery.replay.engine.NanoClock;
import dev.pipesrecovery.replay.engine.ObjectMarker;
import dev.pipesrecovery.replay.engine.TargetSender;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.KeyCheckpoint.Status;
import dev.pipesrecovery.replay.state.KeyProgress;
import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation's work on one plan item: lists the item's records after what its checkpoint says is delivered
 * (one bounded listing), and sends them one at a time, in order, through the replay's retry rule
 * ({@link TargetSender}). After each delivered record the checkpoint is saved before anything else is sent, so a
 * redriven or killed worker re-sends at most the record in flight; then the object is tagged ({@link ObjectMarker}).
 * A record that fails for good is tagged failed and stops the item FAILED; one the run's status filter leaves out but
 * that is not delivered stops it BLOCKED (its later records would overtake it). Not thread-safe: one per invocation.
 */
final class ItemDelivery {

    /** Where the invocation left the item. */
    enum Outcome {
        DONE,
        MORE
    }

    private final ArchiveStore store;
    private final ArchiveSelector selector;
    private final KeyLayout layout;
    private final ObjectMarker marker;
    private final TargetSender sender;
    private final NanoClock clock;
    private final PlanItem item;
    private final KeyProgress progress;
    private final StatusFilter status;
    private long sent;
    private long skipped;

    ItemDelivery(Parts parts, PlanItem item, KeyProgress progress, StatusFilter status) {
        this.store = parts.store();
        this.selector = parts.selector();
        this.layout = parts.selector().layout();
        this.marker = parts.marker();
        this.sender = parts.sender();
        this.clock = parts.clock();
        this.item = item;
        this.progress = progress;
        this.status = status;
    }

    /** What an invocation sends with. */
    record Parts(
            ArchiveStore store, ArchiveSelector selector, ObjectMarker marker, TargetSender sender, NanoClock clock) {}

    long sent() {
        return sent;
    }

    /** Records passed over: already tagged replayed, or deleted since the plan was written. */
    long skipped() {
        return skipped;
    }

    /**
     * Sends until the item is delivered (DONE, saved) or the budget would be overrun by one more record as slow as
     * the slowest so far (MORE, saved). At least one record goes per invocation, so every invocation makes progress.
     *
     * @throws ReplayItemFailed when the item stopped FAILED or BLOCKED (saved), or another sender advanced it
     */
    Outcome run(Duration budget) throws InterruptedException {
        long started = clock.nanoTime();
        long slowest = 0;
        String lastKey = item.lastKey();
        try (CloseableIterator<ListedObject> records =
                selector.records(item.prefix(), startAfter(progress.checkpoint().lastDelivered()))) {
            while (records.hasNext()) {
                ListedObject object = records.next();
                if (object.s3Key().compareTo(lastKey) > 0) {
                    break; // key order: nothing after lastKey is this item's
                }
                if (object.kind() != ListedObject.Kind.RECORD
                        || !item.covers(object.s3Key())
                        || progress.alreadyDelivered(object.s3Key())) {
                    continue;
                }
                long now = clock.nanoTime();
                if (sent > 0 && now - started + slowest > budget.toNanos()) {
                    save(Status.RUNNING, null);
                    return Outcome.MORE;
                }
                Optional<ReplayItem> record = fetch(object);
                if (record.isEmpty()) {
                    skipped++;
                    continue;
                }
                send(record.get());
                sent++;
                slowest = Math.max(slowest, clock.nanoTime() - now);
            }
        }
        save(Status.DONE, null);
        return Outcome.DONE;
    }

    /**
     * Where the listing starts: just before the item's first key, or after the last delivered one. Inside a KPL
     * aggregate it starts before the aggregate's stem, since unpadded sub-sequence keys list out of send order
     * ({@code -10} before {@code -2}); the records already delivered are passed over by their checkpoint.
     */
    private String startAfter(String lastDelivered) {
        boolean resuming = lastDelivered != null && lastDelivered.compareTo(item.firstKey()) >= 0;
        String from = resuming ? lastDelivered : item.firstKey();
        ArchiveKey key = layout.parse(from);
        if (key.subSequenceNumber() != null) {
            return from.substring(0, from.lastIndexOf('-')); // <shardId>-<sequence>: before every user record
        }
        return resuming ? from : from.substring(0, from.length() - ".json".length());
    }

    /** The record to send, or empty when there is nothing to send (tagged replayed, or deleted since planned). */
    private Optional<ReplayItem> fetch(ListedObject object) {
        String key = object.s3Key();
        Map<String, String> tags = status.needsTags() ? store.tags(key) : null;
        if (tags != null && !status.matches(tags)) {
            if (!StatusFilter.undelivered(tags)) {
                return Optional.empty();
            }
            throw stop(
                    Status.BLOCKED,
                    "record " + key + " is not delivered and the run's status filter '"
                            + status.name().toLowerCase(java.util.Locale.ROOT)
                            + "' leaves it out: the key's later records wait for it");
        }
        Optional<StoredObject> stored = store.read(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ArchivedRecord record;
        try {
            record = ArchivedRecordCodec.decode(stored.get().body());
        } catch (InvalidArchivedRecordException | RuntimeException e) {
            marker.failed(key, tags, "CorruptArchiveObject");
            throw stop(Status.FAILED, "CorruptArchiveObject at " + key);
        }
        return Optional.of(new ReplayItem(key, record, tags, object.key().encodedPartitionKey()));
    }

    private void send(ReplayItem record) throws InterruptedException {
        boolean[] lostRace = {false};
        String[] failure = {null};
        sender.send(List.of(record), new TargetSender.Outcomes() {
            @Override
            public void requested() {}

            @Override
            public void delivered(List<ReplayItem> items) {
                progress.delivered(record.s3Key());
                lostRace[0] = !progress.save(Status.RUNNING, null);
                marker.delivered(record.s3Key(), record.tags()); // delivered either way: the tag tells later runs
            }

            @Override
            public void failed(ReplayItem item, DeliveryResult last) {
                marker.failed(item.s3Key(), item.tags(), last.code());
                failure[0] = last.code();
            }
        });
        if (lostRace[0]) {
            throw new ReplayItemFailed(
                    "another sender advanced the key's checkpoint: this one stopped after " + record.s3Key());
        }
        if (failure[0] != null) {
            throw stop(Status.FAILED, failure[0] + " (final) at " + record.s3Key() + "; the key's later records wait");
        }
    }

    /** Saves the checkpoint; a lost race stops the item (another sender has the key now). */
    private void save(Status status, String error) {
        if (!progress.save(status, error)) {
            throw new ReplayItemFailed("another sender advanced the key's checkpoint: this one stopped");
        }
    }

    /** Saves the item as stopped with {@code cause} and gives the exception to throw. */
    ReplayItemFailed stop(Status status, String cause) {
        save(status, cause);
        return new ReplayItemFailed(status + ": " + cause);
    }
}
