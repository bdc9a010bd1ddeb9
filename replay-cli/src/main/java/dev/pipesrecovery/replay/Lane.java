package dev.pipesrecovery.replay;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One worker of a replay. Every partition key is routed to exactly one lane and a lane handles its queue in order,
 * so each key's records reach the target in arrival order while other keys go in parallel. The queue is bounded:
 * the listing waits rather than piling keys up in memory. A batch never holds two records of one key, so a partial
 * failure retried later cannot overtake a later record of the same key.
 */
final class Lane implements Runnable {

    private static final ListedObject END = new ListedObject(
            new dev.pipesrecovery.archive.ArchiveObject("", 0, java.time.Instant.EPOCH),
            ListedObject.Kind.UNRECOGNIZED, null, null, "end of selection");

    /** How long a batching target (PutEvents, PutRecords) waits for a batch to fill. */
    static final long LINGER_NANOS = 50_000_000;

    private final ReplayContext context;
    private final BlockingQueue<ListedObject> queue;
    private final BatchDelivery delivery;
    private ReplayItem carried;

    Lane(ReplayContext context) {
        this.context = context;
        this.queue = new ArrayBlockingQueue<>(context.settings().laneQueueCapacity());
        this.delivery = new BatchDelivery(context);
    }

    void put(ListedObject object) throws InterruptedException {
        queue.put(object);
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
                    return;
                }
                if (context.breaker().isOpen()) {
                    context.counters().notAttempted.add(batch.size());
                } else if (!batch.isEmpty()) {
                    deliverGuarded(batch);
                }
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
            keys.add(carried.orderingKey());
            bytes = context.target().sizeOf(carried);
            carried = null;
        } else {
            ListedObject first = queue.take();
            if (first == END) {
                return null;
            }
            fetch(first).ifPresent(item -> {
                batch.add(item);
                keys.add(item.orderingKey());
            });
            bytes = batch.isEmpty() ? 0 : context.target().sizeOf(batch.get(0));
        }
        int max = context.target().maxBatchEntries();
        long lingerUntil = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < max && !context.breaker().isOpen()) {
            ListedObject next = queue.peek();
            if (next == null) {
                // a batching target waits a moment for more records rather than sending a batch of one
                long wait = lingerUntil - System.nanoTime();
                if (max == 1 || wait <= 0) {
                    break;
                }
                Thread.sleep(Math.min(2, wait / 1_000_000 + 1));
                continue;
            }
            if (next == END || keys.contains(partitionKeyOf(next))) {
                break;
            }
            queue.poll();
            Optional<ReplayItem> item = fetch(next);
            if (item.isEmpty()) {
                continue;
            }
            long size = context.target().sizeOf(item.get());
            if (bytes + size > context.target().maxBatchBytes() && !batch.isEmpty()) {
                carried = item.get();
                break;
            }
            batch.add(item.get());
            keys.add(item.get().orderingKey());
            bytes += size;
        }
        return batch;
    }

    private static String partitionKeyOf(ListedObject object) {
        // the encoded key is unique per original key (a cut key carries a hash of the original)
        return "encoded:" + object.key().encodedPartitionKey();
    }

    /** Reads and decodes the object; a missing or corrupt one is reported and skipped. */
    private Optional<ReplayItem> fetch(ListedObject object) {
        if (context.breaker().isOpen()) {
            context.counters().notAttempted.increment();
            return Optional.empty();
        }
        String key = object.s3Key();
        Map<String, String> tags = object.tags();
        if (context.status().needsTags()) {
            try {
                tags = context.store().tags(key);
            } catch (ArchiveException e) {
                context.counters().failed("ArchiveReadFailed");
                context.failureLog().failed(key, "ArchiveReadFailed", e.getMessage());
                return Optional.empty();
            }
            if (!context.status().matches(tags)) {
                context.counters().otherStatus.increment();
                return Optional.empty();
            }
        }
        Optional<byte[]> body;
        try {
            body = context.store().get(key);
        } catch (ArchiveException e) {
            context.counters().failed("ArchiveReadFailed");
            context.failureLog().failed(key, "ArchiveReadFailed", e.getMessage());
            return Optional.empty();
        }
        if (body.isEmpty()) {
            context.counters().missing.increment();
            context.failureLog().skipped(key, "NoSuchKey", "deleted since it was listed");
            return Optional.empty();
        }
        try {
            ArchivedRecord record = ArchivedRecordCodec.decode(body.get());
            return Optional.of(new ReplayItem(key, record, tags, partitionKeyOf(object)));
        } catch (InvalidArchivedRecordException | RuntimeException e) {
            context.counters().failed("CorruptArchiveObject");
            context.failureLog().failed(key, "CorruptArchiveObject", e.getMessage());
            context.marker().failed(key, tags, "CorruptArchiveObject");
            return Optional.empty();
        }
    }
}
