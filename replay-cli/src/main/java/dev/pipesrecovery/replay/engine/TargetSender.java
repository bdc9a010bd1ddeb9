package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.retry.Retrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The replay's retry rule, one place for the local engine ({@link BatchDelivery}) and the managed run's worker: sends
 * one batch to the target with core's {@link Retrier} until every item is delivered or final. Retryable items (what
 * API destinations retry: 401, 407, 409, 429, 5xx and no answer; {@code ThrottlingException},
 * {@code InternalFailure}) are re-sent after the backoff delay, or the server's {@code Retry-After} when longer (at
 * most {@link #MAX_RETRY_AFTER}), up to the policy's attempts; the rest are final at once. Every request waits for
 * the rate limiter. What happens to delivered and failed items is the caller's ({@link Outcomes}).
 */
public final class TargetSender {

    /** A {@code Retry-After} longer than this counts as this (one hint should not park a run for hours). */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** What the caller does with each request's outcome; called on the sending thread. */
    public interface Outcomes {

        /** One request went out (delivered or not). */
        void requested();

        /** Items of one request the target accepted, in batch order: record them before anything else is sent. */
        void delivered(List<ReplayItem> items) throws InterruptedException;

        /** An item failed for good: a final error, or its attempts are used up. */
        void failed(ReplayItem item, DeliveryResult last);
    }

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

    private final ReplayTarget target;
    private final TokenBucket limiter;
    private final Retrier retrier;
    private final String runId;
    private final BooleanSupplier stopRetrying;

    /** @param stopRetrying true when retries must stop now (the run's circuit breaker is open) */
    public TargetSender(
            ReplayTarget target,
            TokenBucket limiter,
            BackoffPolicy backoff,
            EngineTime time,
            String runId,
            BooleanSupplier stopRetrying) {
        this.target = Objects.requireNonNull(target, "target");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.stopRetrying = Objects.requireNonNull(stopRetrying, "stopRetrying");
        this.retrier = new Retrier(backoff, time.sleeper(), time.random(), (attempt, failure, delay) -> {});
    }

    /** Sends {@code batch} (at most the target's batch size, distinct partition keys) until nothing is left. */
    public void send(List<ReplayItem> batch, Outcomes outcomes) throws InterruptedException {
        @SuppressWarnings("unchecked")
        List<ReplayItem>[] remaining = new List[] {batch};
        try {
            retrier.<Void, Exception>call(
                    () -> {
                        try {
                            remaining[0] = attempt(remaining[0], outcomes);
                        } catch (RetryableItems retry) {
                            remaining[0] = retry.items; // the next attempt re-sends only these
                            throw retry;
                        }
                        return null;
                    },
                    failure -> failure instanceof RetryableItems && !stopRetrying.getAsBoolean(),
                    failure ->
                            failure instanceof RetryableItems r ? Optional.ofNullable(r.retryAfter) : Optional.empty());
        } catch (RetryableItems gaveUp) {
            for (ReplayItem item : gaveUp.items) {
                outcomes.failed(item, gaveUp.last);
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
    private List<ReplayItem> attempt(List<ReplayItem> items, Outcomes outcomes)
            throws RetryableItems, InterruptedException {
        limiter.acquire();
        List<DeliveryResult> results = target.send(items, runId);
        outcomes.requested();
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
                case FAILED -> outcomes.failed(items.get(i), result);
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
        if (!delivered.isEmpty()) {
            outcomes.delivered(delivered);
        }
        if (retry.isEmpty()) {
            return List.of();
        }
        if (retryAfter != null && retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
            retryAfter = MAX_RETRY_AFTER;
        }
        throw new RetryableItems(retry, lastRetryable, retryAfter);
    }
}
