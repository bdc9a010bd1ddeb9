package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.archive.StoredObject;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.BucketRunState;
import dev.pipesrecovery.replay.target.ReplayItem;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads archive objects ahead of the lanes, so reading the next record overlaps sending the current one: up to
 * {@code concurrency} reads at a time, and at most {@link #BUDGET_KIB_PER_LANE} KiB of listed object size per lane
 * fetched and not yet done with (taken before a read, given back when the lane is done with the record), so memory
 * stays bounded whatever the records' size. Checks the status filter — from the GET's tag count when the store's
 * count is trusted, else with a tag read — and decodes; a missing or
 * corrupt object is reported and comes back with nothing to send ({@link Fetched}), saying whether its key must wait.
 */
final class Fetcher implements AutoCloseable {

    private final ReplayContext context;
    private final ExecutorService pool;
    /** 8 MiB per lane: room for a full PutRecords request (5 MiB) plus the next record being read. */
    static final int BUDGET_KIB_PER_LANE = 8 * 1024;

    private final Semaphore bodies;
    /** A GET's tag count of 0 means "untagged" ({@link dev.pipesrecovery.replay.state.BucketRunState}). */
    private final boolean tagCountTrusted;

    private final int budgetKib;

    Fetcher(ReplayContext context, int concurrency, boolean tagCountTrusted) {
        this.context = context;
        this.tagCountTrusted = tagCountTrusted;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "pipes-replay-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // never more than a quarter of the heap, so a small -Xmx and 1 MiB records still fit
        long quarterHeapKib = Runtime.getRuntime().maxMemory() / 4 / 1024;
        this.budgetKib = (int) Math.max(1024, Math.min((long) BUDGET_KIB_PER_LANE * concurrency, quarterHeapKib));
        this.bodies = new Semaphore(budgetKib);
    }

    /** The budget {@code object} takes while fetched: its size in KiB, at least 1, at most the whole budget. */
    int permitsFor(ListedObject object) {
        return (int) Math.max(1, Math.min(budgetKib, (object.object().size() + 1023) / 1024));
    }

    /** Starts reading {@code object}; blocks while the fetched bodies waiting for their lane use the budget. */
    Future<Fetched> fetch(ListedObject object, String orderingKey) throws InterruptedException {
        int permits = permitsFor(object);
        bodies.acquire(permits);
        try {
            return pool.submit(() -> read(object, orderingKey));
        } catch (RuntimeException e) {
            bodies.release(permits);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The lane is done with a fetched record (delivered, failed or skipped). */
    void release(int permits) {
        bodies.release(permits);
    }

    private Fetched read(ListedObject object, String orderingKey) {
        if (context.breaker().isOpen()) {
            context.counters().notAttempted.increment();
            return Fetched.skipped();
        }
        String key = object.s3Key();
        try {
            Map<String, String> tags = object.tags();
            Optional<StoredObject> stored = Optional.empty();
            if (context.status().needsTags() && !tagCountTrusted) {
                tags = context.store().tags(key); // before the GET: an object of another status costs no GET
            } else {
                stored = context.store().read(key);
                tags = stored.isEmpty() ? tags : tagsOf(key, stored.get());
            }
            if (context.status().needsTags()
                    && tags != null
                    && !context.status().matches(tags)) {
                return otherStatus(key, tags);
            }
            if (stored.isEmpty()) {
                stored = context.store().read(key);
            }
            if (stored.isEmpty()) {
                context.counters().missing.increment();
                context.failureLog().skipped(key, "NoSuchKey", "deleted since it was listed");
                return Fetched.skipped();
            }
            try {
                ArchivedRecord record = ArchivedRecordCodec.decode(stored.get().body());
                return Fetched.of(new ReplayItem(key, record, tags, orderingKey));
            } catch (InvalidArchivedRecordException | RuntimeException e) {
                context.counters().failed("CorruptArchiveObject");
                context.failureLog().failed(key, "CorruptArchiveObject", e.getMessage());
                context.marker().failed(key, tags, "CorruptArchiveObject");
                return Fetched.holding("CorruptArchiveObject", key);
            }
        } catch (ArchiveException e) {
            context.counters().failed("ArchiveReadFailed");
            context.failureLog().failed(key, "ArchiveReadFailed", e.getMessage());
            return Fetched.holding("ArchiveReadFailed", key);
        }
    }

    /**
     * The object's tags: none when the GET counted none and that count is trusted; otherwise read (one more request)
     * when the status filter needs them, else null (the marker reads them before tagging, to keep foreign tags).
     */
    private Map<String, String> tagsOf(String key, StoredObject stored) {
        if (!context.status().needsTags() && !tagCountTrusted) {
            return null;
        }
        return BucketRunState.tagsAfterGet(context.store(), key, stored, tagCountTrusted);
    }

    private Fetched otherStatus(String key, Map<String, String> tags) {
        context.counters().otherStatus.increment();
        if (!StatusFilter.undelivered(tags)) {
            return Fetched.skipped();
        }
        context.counters().otherStatusUndelivered.increment();
        return Fetched.holding(
                "not selected by --status, "
                        + (tags.get(ReplayTags.STATUS) == null ? "never replayed" : "tagged failed"),
                key);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
