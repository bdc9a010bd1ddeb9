package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import dev.pipesrecovery.retry.Retrier;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Sends one batch to the target until every item is delivered or failed, with core's {@link Retrier}: retryable
 * items (what API destinations retry: 401, 407, 409, 429, 5xx and no answer; {@code ThrottlingException},
 * {@code InternalFailure}) are re-sent after the backoff delay, or the server's {@code Retry-After} when longer, up
 * to {@code --max-attempts}; the rest are final at once. Every request waits for the rate limiter.
 *
 * <p>After each request, every delivered item of it goes to the journal first (one write + fsync for all of them),
 * and only then are objects marked — marking never throws ({@link ObjectMarker}), so nothing that happens to one
 * object can leave another delivered item unjournaled and sent again. If the journal cannot be written, the
 * delivered objects are still tagged (the tags keep a later run from selecting them) and the run is stopped.
 * Items that fail for good are handed to {@code onFinalFailure} (the lane holds their key).
 */
final class BatchDelivery {

    /** A {@code Retry-After} longer than this counts as this (one hint should not park a run for hours). */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** The items of a request that may succeed if sent again; thrown so the Retrier sees a retryable failure. */
    private static final class RetryableItems extends Exception {
        private final List<ReplayItem> items;
        private final DeliveryResult last;
        private final Duration retryAfter;

        RetryableItems(List<ReplayItem> items, DeliveryResult last, Duration retryAfter) {
            super(last.code() + ": " + last.message(), null, false, false);
            this.items = items;
            this.last = last;
            this.retryAfter = retryAfter;
        }
    }

    private final ReplayContext context;
    private final Retrier retrier;
    private final BiConsumer<ReplayItem, String> onFinalFailure;
    /** Told of each delivered item once the journal has it (its key's checkpoint advances). */
    private final Consumer<ReplayItem> onDelivered;

    BatchDelivery(
            ReplayContext context, BiConsumer<ReplayItem, String> onFinalFailure, Consumer<ReplayItem> onDelivered) {
        this.context = context;
        this.onFinalFailure = onFinalFailure;
        this.onDelivered = onDelivered;
        this.retrier = new Retrier(
                context.settings().backoff(),
                context.time().sleeper(),
                context.time().random(),
                (attempt, failure, delay) -> {});
    }

    void deliver(List<ReplayItem> batch) throws InterruptedException {
        long started = context.time().monotonic().nanoTime();
        @SuppressWarnings("unchecked")
        List<ReplayItem>[] remaining = new List[] {batch};
        try {
            retrier.<Void, Exception>call(
                    () -> {
                        try {
                            remaining[0] = attempt(remaining[0], started);
                        } catch (RetryableItems retry) {
                            remaining[0] = retry.items; // the next attempt re-sends only these
                            throw retry;
                        }
                        return null;
                    },
                    failure -> failure instanceof RetryableItems
                            && !context.breaker().isOpen(),
                    failure ->
                            failure instanceof RetryableItems r ? Optional.ofNullable(r.retryAfter) : Optional.empty());
        } catch (RetryableItems gaveUp) {
            for (ReplayItem item : gaveUp.items) {
                failed(item, gaveUp.last);
            }
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected checked exception", e); // attempt() throws no other
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted while retrying");
        }
    }

    /** One request; returns nothing left, or throws the items to retry. */
    private List<ReplayItem> attempt(List<ReplayItem> items, long startedNanos)
            throws RetryableItems, InterruptedException {
        context.limiter().acquire();
        List<DeliveryResult> results = context.target().send(items, context.runId());
        context.counters().requests.increment();
        if (results.size() != items.size()) {
            throw new IllegalStateException("target returned " + results.size() + " results for " + items.size());
        }
        List<ReplayItem> retry = new ArrayList<>();
        List<ReplayItem> delivered = new ArrayList<>();
        DeliveryResult lastRetryable = null;
        Duration retryAfter = null;
        for (int i = 0; i < items.size(); i++) {
            DeliveryResult result = results.get(i);
            switch (result.outcome()) {
                case DELIVERED -> delivered.add(items.get(i));
                case FAILED -> failed(items.get(i), result);
                case RETRYABLE -> {
                    retry.add(items.get(i));
                    lastRetryable = result;
                    if (result.retryAfter() != null
                            && (retryAfter == null || result.retryAfter().compareTo(retryAfter) > 0)) {
                        retryAfter = result.retryAfter();
                    }
                }
            }
        }
        delivered(delivered, startedNanos);
        if (retry.isEmpty()) {
            return List.of();
        }
        if (retryAfter != null && retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
            retryAfter = MAX_RETRY_AFTER;
        }
        throw new RetryableItems(retry, lastRetryable, retryAfter);
    }

    /** Journals all of {@code items} first, then counts and marks each. */
    private void delivered(List<ReplayItem> items, long startedNanos) throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
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
            onDelivered.accept(item);
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
