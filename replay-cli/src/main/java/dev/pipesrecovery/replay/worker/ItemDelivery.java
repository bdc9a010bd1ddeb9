package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.archive.StoredObject;
import dev.pipesrecovery.replay.engine.NanoClock;
import dev.pipesrecovery.replay.engine.ObjectMarker;
import dev.pipesrecovery.replay.engine.TargetSender;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.BucketRunState;
import dev.pipesrecovery.replay.state.KeyCheckpoint.Status;
import dev.pipesrecovery.replay.state.KeyProgress;
import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import dev.pipesrecovery.replay.worker.RunSelections.RunSelection;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One invocation's work on one plan item: sends the item's records after what its checkpoint says is delivered, one
 * at a time, in order, through the replay's retry rule ({@link TargetSender}), and tags each after its delivery
 * ({@link ObjectMarker}). The checkpoint is saved once per invocation (DONE, or RUNNING when the budget is spent) and
 * at once when the item stops FAILED or BLOCKED or a delivered record could not be tagged: between saves the tags
 * record the deliveries, so an invocation that finds a record after the checkpoint tagged {@code replayed} by this
 * run (one that died before saving, or a racer) counts it delivered instead of sending it again; a re-send is the
 * record in flight only. A record that fails for good is tagged failed and stops the item FAILED; one the run's status
 * filter leaves out but that is not delivered stops it BLOCKED (its later records would overtake it). Not
 * thread-safe: one per invocation.
 */
final class ItemDelivery {

    /** Where the invocation left the item. */
    enum Outcome {
        DONE,
        MORE
    }

    private final ArchiveStore store;
    private final ArchiveSelector selector;
    private final ObjectMarker marker;
    private final TargetSender sender;
    private final NanoClock clock;
    private final AtomicReference<String> lastUnmarked;
    private final PlanItem item;
    private final RunSelection selection;
    private final Supplier<KeyProgress> resume;
    private KeyProgress progress;
    private boolean read;
    private StoredObject firstRead;
    private long sent;
    private long skipped;

    /**
     * @param progress the item's progress: resumed from its checkpoint ({@code read}), or, when
     *     {@link #readsCheckpointFirst} says it need not be, {@link KeyProgress#untouched} until the first record's
     *     GET shows otherwise
     * @param resume reads the checkpoint (when the record is tagged, or a first save finds one after all)
     */
    ItemDelivery(
            Parts parts,
            PlanItem item,
            KeyProgress progress,
            boolean read,
            RunSelection selection,
            Supplier<KeyProgress> resume) {
        this.store = parts.store();
        this.selector = parts.selector();
        this.marker = parts.marker();
        this.sender = parts.sender();
        this.clock = parts.clock();
        this.lastUnmarked = parts.lastUnmarked();
        this.item = item;
        this.progress = progress;
        this.read = read;
        this.selection = selection;
        this.resume = resume;
    }

    /**
     * What an invocation sends with; {@code lastUnmarked} is the last key whose tag the marker could not write.
     */
    record Parts(
            ArchiveStore store,
            ArchiveSelector selector,
            ObjectMarker marker,
            TargetSender sender,
            NanoClock clock,
            AtomicReference<String> lastUnmarked) {}

    /**
     * On a trusted tag count an item need not read its checkpoint first: the GET of its first record says whether
     * the run touched it (every sender tags a record after delivering it, and stops the item when it cannot tag its
     * first one), so an untagged first record means nothing to resume. Otherwise the checkpoint is read first.
     */
    static boolean readsCheckpointFirst(RunSelection selection) {
        return !selection.tagCountTrusted();
    }

    long sent() {
        return sent;
    }

    /** Records passed over: already delivered (in this run or an earlier one), or deleted since planned. */
    long skipped() {
        return skipped;
    }

    /** The item's status as this invocation knows it. */
    Status status() {
        return progress.checkpoint().status();
    }

    /**
     * Sends until the item is delivered (DONE, saved) or the budget would be overrun by one more record as slow as
     * the slowest so far (MORE, saved). At least one record goes per invocation, so every invocation makes progress.
     *
     * @throws ReplayItemFailed when the item stopped FAILED or BLOCKED (saved), or another sender advanced it
     */
    Outcome run(Duration budget) throws InterruptedException {
        if (!read) {
            Optional<StoredObject> first = store.read(item.firstKey());
            if (first.isPresent() && first.get().tagCount() == 0) {
                firstRead = first.get(); // untouched by the run: nothing to resume
            } else {
                progress = resume.get();
                read = true;
            }
        }
        if (status() == Status.DONE) {
            return Outcome.DONE;
        }
        try {
            if (item.count() == 1 && item.firstKey().equals(item.lastKey())) { // its only key: nothing to list
                return deliver(List.of(item.firstKey()).iterator(), budget);
            }
            try (ItemListing listing =
                    new ItemListing(selector, item, progress.checkpoint().lastDelivered())) {
                return deliver(listing, budget);
            }
        } catch (DoneElsewhere e) {
            return Outcome.DONE;
        }
    }

    private Outcome deliver(Iterator<String> keys, Duration budget) throws InterruptedException {
        long started = clock.nanoTime();
        long slowest = 0;
        while (keys.hasNext()) {
            String key = keys.next();
            if (key.compareTo(item.lastKey()) > 0) {
                break; // key order: nothing after lastKey is this item's
            }
            if (!item.covers(key) || progress.alreadyDelivered(key)) {
                continue;
            }
            long now = clock.nanoTime();
            if (sent > 0 && now - started + slowest > budget.toNanos()) {
                save(Status.RUNNING, null);
                return Outcome.MORE;
            }
            Optional<ReplayItem> record = fetch(key);
            if (record.isEmpty()) {
                continue;
            }
            send(record.get());
            sent++;
            if (sent == 1 && !key.equals(item.lastKey())) {
                save(Status.RUNNING, null); // claims the item: a second sender of it stops at its own first save
            }
            slowest = Math.max(slowest, clock.nanoTime() - now);
        }
        save(Status.DONE, null);
        return Outcome.DONE;
    }

    /**
     * The record to send, or empty when there is nothing to send (delivered, or deleted since planned). On a trusted
     * tag count the GET comes first and its count tells an untagged record; otherwise the tags are read first, so a
     * record of another status costs no GET.
     */
    private Optional<ReplayItem> fetch(String key) {
        Optional<StoredObject> stored = Optional.empty();
        Map<String, String> tags;
        if (firstRead != null && key.equals(item.firstKey())) {
            stored = Optional.of(firstRead); // read untagged by run()
            tags = Map.of();
        } else if (selection.tagCountTrusted()) {
            stored = store.read(key);
            if (stored.isEmpty()) {
                skipped++; // deleted since planned
                return Optional.empty();
            }
            tags = BucketRunState.tagsAfterGet(store, key, stored.get(), selection.tagCountTrusted());
        } else {
            tags = store.tags(key);
        }
        if (ReplayTags.REPLAYED.equals(tags.get(ReplayTags.STATUS))
                && item.runId().equals(tags.get(ReplayTags.RUN_ID))) {
            progress.delivered(key); // by an invocation that died before saving, or by a racer
            skipped++;
            return Optional.empty();
        }
        if (!selection.status().matches(tags)) {
            if (!StatusFilter.undelivered(tags)) {
                skipped++;
                return Optional.empty();
            }
            throw stop(
                    Status.BLOCKED,
                    "record " + key + " is not delivered and the run's status filter '"
                            + selection.status().name().toLowerCase(Locale.ROOT)
                            + "' leaves it out: the key's later records wait for it");
        }
        if (stored.isEmpty() && !selection.tagCountTrusted()) {
            stored = store.read(key);
        }
        if (stored.isEmpty()) {
            skipped++;
            return Optional.empty();
        }
        ArchivedRecord record;
        try {
            record = ArchivedRecordCodec.decode(stored.get().body());
        } catch (InvalidArchivedRecordException | RuntimeException e) {
            marker.failed(key, tags, "CorruptArchiveObject");
            throw stop(Status.FAILED, "CorruptArchiveObject at " + key);
        }
        return Optional.of(
                new ReplayItem(key, record, tags, progress.checkpoint().encodedPartitionKey()));
    }

    private void send(ReplayItem record) throws InterruptedException {
        String[] failure = {null};
        sender.send(List.of(record), new TargetSender.Outcomes() {
            @Override
            public void requested() {}

            @Override
            public void delivered(List<ReplayItem> items) {
                progress.delivered(record.s3Key());
                marker.delivered(record.s3Key(), record.tags());
            }

            @Override
            public void failed(ReplayItem item, DeliveryResult last) {
                marker.failed(item.s3Key(), item.tags(), last.code());
                failure[0] = last.code();
            }
        });
        if (failure[0] != null) {
            throw stop(Status.FAILED, failure[0] + " (final) at " + record.s3Key() + "; the key's later records wait");
        }
        if (record.s3Key().equals(lastUnmarked.getAndSet(null))) {
            if (selection.tagCountTrusted() && record.s3Key().equals(item.firstKey())) {
                // an untagged first record tells the next invocation that nothing is to be resumed: not so now
                throw stop(Status.FAILED, "TaggingFailed at " + record.s3Key() + " (delivered; see the WARN line)");
            }
            save(Status.RUNNING, null); // its tag cannot tell a resumed invocation that it was delivered
        }
    }

    /**
     * Saves the checkpoint; a lost race stops the item (another sender has the key now). The first save of an item
     * started unread that finds a checkpoint after all: DONE, the item is done (answered so); FAILED or BLOCKED, no
     * one sends it (an earlier attempt stopped before or at this first record), so this sender takes it over;
     * RUNNING, another sender has it.
     */
    private void save(Status status, String error) {
        if (progress.save(status, error)) {
            return;
        }
        if (!read) {
            read = true;
            KeyProgress stored = resume.get();
            if (stored.checkpoint().status() == Status.DONE) {
                progress = stored;
                throw new DoneElsewhere();
            }
            if (stored.checkpoint().status() != Status.RUNNING) {
                String mine = progress.checkpoint().lastDelivered();
                if (mine != null && !stored.alreadyDelivered(mine)) {
                    stored.deliveredThrough(mine, progress.checkpoint().delivered());
                }
                progress = stored;
                if (progress.save(status, error)) {
                    return;
                }
            }
        }
        throw new ReplayItemFailed("another sender advanced the key's checkpoint: this one stopped");
    }

    /** The item was found DONE by the first save of an invocation that started it unread. */
    private static final class DoneElsewhere extends RuntimeException {
        DoneElsewhere() {
            super(null, null, false, false);
        }
    }

    /** Saves the item as stopped with {@code cause} and gives the exception to throw. */
    ReplayItemFailed stop(Status status, String cause) {
        save(status, cause);
        return new ReplayItemFailed(status + ": " + cause);
    }
}
