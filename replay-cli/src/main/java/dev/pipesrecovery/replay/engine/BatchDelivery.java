package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Sends one batch to the target with the replay's retry rule ({@link TargetSender}: core's {@code Retrier}, the rate
 * limiter, retries stop once the circuit breaker is open).
 *
 * <p>After each request, every delivered item of it goes to the journal first (one write + fsync for all of them),
 * and only then are objects marked — marking never throws ({@link ObjectMarker}), so nothing that happens to one
 * object can leave another delivered item unjournaled and sent again. If the journal cannot be written, the
 * delivered objects are still tagged (the tags keep a later run from selecting them) and the run is stopped.
 * Items that fail for good are handed to {@code onFinalFailure} (the lane holds their key).
 */
final class BatchDelivery {

    private final ReplayContext context;
    private final TargetSender sender;
    private final BiConsumer<ReplayItem, String> onFinalFailure;

    BatchDelivery(ReplayContext context, BiConsumer<ReplayItem, String> onFinalFailure) {
        this.context = context;
        this.onFinalFailure = onFinalFailure;
        this.sender = new TargetSender(
                context.target(),
                context.limiter(),
                context.settings().backoff(),
                context.time(),
                context.runId(),
                () -> context.breaker().isOpen());
    }

    void deliver(List<ReplayItem> batch) throws InterruptedException {
        long started = context.time().monotonic().nanoTime();
        sender.send(batch, new TargetSender.Outcomes() {
            @Override
            public void requested() {
                context.counters().requests.increment();
            }

            @Override
            public void delivered(List<ReplayItem> items) throws InterruptedException {
                BatchDelivery.this.delivered(items, started);
            }

            @Override
            public void failed(ReplayItem item, DeliveryResult last) {
                BatchDelivery.this.failed(item, last);
            }
        });
    }

    /** Journals all of {@code items} first, then counts and marks each. */
    private void delivered(List<ReplayItem> items, long startedNanos) throws InterruptedException {
        try {
            context.journal()
                    .recordDelivered(items.stream().map(ReplayItem::s3Key).toList());
        } catch (UncheckedIOException e) {
            context.breaker()
                    .trip("the replay journal could not be written ("
                            + e.getCause().getMessage() + ": "
                            + context.journal().file() + ")");
        }
        for (ReplayItem item : items) {
            context.counters().delivered.increment();
            context.counters().deliveredBytes.add(item.record().data().length);
            context.counters().latency.record(context.time().monotonic().nanoTime() - startedNanos);
            context.breaker().recordSuccess();
            context.marker().delivered(item.s3Key(), item.tags());
        }
    }

    private void failed(ReplayItem item, DeliveryResult result) {
        context.counters().failed(result.code());
        context.breaker().recordFailure(result.code());
        context.failureLog().failed(item.s3Key(), result.code(), result.message());
        context.marker().failed(item.s3Key(), item.tags(), result.code());
        onFinalFailure.accept(item, result.code());
    }
}
