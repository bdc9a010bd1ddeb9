package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.replay.run.BlockedKey;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.target.ReplayItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One worker of a replay. Every partition key is routed to exactly one lane and a lane handles its queue in order,
 * so each key's records reach the target in arrival order while other keys go in parallel. The queue is bounded:
 * the listing waits rather than piling keys up in memory. A batch never holds two records of one key, so a partial
 * failure retried later cannot overtake a later record of the same key, and a key whose record was not delivered
 * sends nothing more in this run ({@link KeyHolds}).
 */
final class Lane implements Runnable {

    /** A listed object whose body the {@link Fetcher} is reading. */
    private record Pending(String orderingKey, int permits, Future<Fetched> item) {}

    private static final Pending END = new Pending("", 0, null);

    /** How long a batching target (PutEvents, PutRecords) waits for a batch to fill. */
    static final long LINGER_NANOS = 50_000_000;

    private final ReplayContext context;
    private final Fetcher fetcher;
    private final BlockingQueue<Pending> queue;
    private final BatchDelivery delivery;
    private final KeyHolds holds;
    private final LaneCheckpoints checkpoints;
    /** Taken from the queue while filling a batch but not for it (the end, or a key the batch holds already). */
    private Pending deferred;

    private ReplayItem carried;
    private int carriedPermits;
    /** Fetch budget held by the records of the current batch. */
    private int batchPermits;

    Lane(ReplayContext context, Fetcher fetcher) {
        this.context = context;
        this.fetcher = fetcher;
        this.queue = new ArrayBlockingQueue<>(context.settings().laneQueueCapacity());
        this.checkpoints = new LaneCheckpoints(context, this::stopKey);
        this.holds = new KeyHolds(
                context.settings().holdKeyAfterFailure(), context.counters(), context.failureLog(), checkpoints::held);
        this.delivery = new BatchDelivery(
                context, (item, code) -> holds.hold(item.orderingKey(), code, item.s3Key()), checkpoints::delivered);
    }

    /** Another sender advanced the key's checkpoint: this lane sends none of its later records. */
    private void stopKey(String orderingKey, String s3Key) {
        holds.hold(orderingKey, LaneCheckpoints.CONFLICT, s3Key);
    }

    /** The keys this lane held back after a failure (read once the lane has finished). */
    List<BlockedKey> blockedKeys() {
        return holds.blockedKeys();
    }

    /** Queues {@code object} (its read starts now); blocks while the lane is full. */
    void put(ListedObject object, String orderingKey) throws InterruptedException {
        int permits = fetcher.permitsFor(object);
        queue.put(new Pending(orderingKey, permits, fetcher.fetch(object, orderingKey)));
    }

    void finish() throws InterruptedException {
        queue.put(END);
    }

    @Override
    public void run() {
        try {
            while (true) {
                List<ReplayItem> batch = nextBatch();
                if (batch == null) {
                    checkpoints.finish();
                    return;
                }
                if (context.breaker().isOpen()) {
                    context.counters().notAttempted.add(batch.size());
                } else if (!batch.isEmpty()) {
                    deliverGuarded(batch);
                }
                fetcher.release(batchPermits);
                batchPermits = 0;
                checkpoints.afterBatch();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A bug or an I/O error must not kill the lane (the listing would wait on its queue forever): report it. */
    private void deliverGuarded(List<ReplayItem> batch) throws InterruptedException {
        try {
            delivery.deliver(batch);
        } catch (RuntimeException e) {
            for (ReplayItem item : batch) {
                context.counters().failed("UnexpectedError");
                context.breaker().recordFailure("UnexpectedError");
                context.failureLog().failed(item.s3Key(), "UnexpectedError", String.valueOf(e));
                holds.hold(item.orderingKey(), "UnexpectedError", item.s3Key());
            }
        }
    }

    /** The next batch (maybe empty when objects were skipped), or null at the end of the selection. */
    private List<ReplayItem> nextBatch() throws InterruptedException {
        List<ReplayItem> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long bytes = 0;
        if (carried != null) {
            batch.add(carried);
            batchPermits += carriedPermits;
            carried = null;
        } else {
            Pending first = deferred != null ? deferred : queue.take();
            deferred = null;
            if (first == END) {
                return null;
            }
            await(first).ifPresent(batch::add);
        }
        if (!batch.isEmpty()) {
            keys.add(batch.get(0).orderingKey());
            bytes = context.target().sizeOf(batch.get(0));
        }
        int max = context.target().maxBatchEntries();
        NanoClock clock = context.time().monotonic();
        long lingerUntil = clock.nanoTime() + LINGER_NANOS;
        while (batch.size() < max && !context.breaker().isOpen()) {
            // a batching target waits a moment for more records rather than sending a batch of one; HTTP never does
            long linger = max == 1 ? 0 : Math.max(0, lingerUntil - clock.nanoTime());
            Pending next = queue.poll(linger, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            if (next == END || keys.contains(next.orderingKey())) {
                deferred = next; // the next batch starts with it
                break;
            }
            Optional<ReplayItem> item = await(next);
            if (item.isEmpty()) {
                continue;
            }
            long size = context.target().sizeOf(item.get());
            if (bytes + size > context.target().maxBatchBytes() && !batch.isEmpty()) {
                carried = item.get();
                carriedPermits = next.permits();
                batchPermits -= next.permits();
                break;
            }
            batch.add(item.get());
            keys.add(item.get().orderingKey());
            bytes += size;
        }
        return batch;
    }

    /**
     * The fetched record, unless there is nothing to send: skipped (reported by the fetcher), held back behind an
     * earlier undelivered record of its key, or delivered already by this run (its key's checkpoint says so). Nothing to send gives its budget back at once.
     */
    private Optional<ReplayItem> await(Pending pending) throws InterruptedException {
        Fetched fetched;
        try {
            fetched = pending.item().get();
        } catch (ExecutionException e) {
            context.counters().failed("UnexpectedError");
            context.failureLog().failed(pending.orderingKey(), "UnexpectedError", String.valueOf(e.getCause()));
            fetched = Fetched.holding("UnexpectedError", pending.orderingKey());
        }
        if (fetched.holdCause() != null) {
            holds.hold(pending.orderingKey(), fetched.holdCause(), fetched.heldBy());
        }
        Optional<ReplayItem> item = Optional.ofNullable(fetched.item())
                .filter(i -> !holds.holdsBack(i))
                .filter(i -> !checkpoints.skipDelivered(i));
        if (item.isEmpty()) {
            fetcher.release(pending.permits());
        } else {
            batchPermits += pending.permits();
        }
        return item;
    }
}
