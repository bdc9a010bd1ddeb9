package dev.pipesrecovery.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The project's one retry loop: runs a call up to {@link BackoffPolicy#maxAttempts()} times, retrying only failures
 * the predicate calls retryable, sleeping a full-jitter delay through the injected {@link Sleeper} (tests never sleep
 * for real). A server-given delay (e.g. HTTP {@code Retry-After}) is a floor for the next delay. When it gives up it
 * throws the last failure unchanged. Immutable and thread-safe.
 *
 * <p>When the call is an AWS SDK call, set the SDK client's own retry attempts explicitly (e.g. to 1) so the attempts
 * do not multiply.
 */
public final class Retrier {

    private final BackoffPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final RetryListener listener;

    public Retrier(BackoffPolicy policy, Sleeper sleeper, DoubleSupplier random, RetryListener listener) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Real sleeps and randomness, no listener. */
    public static Retrier of(BackoffPolicy policy) {
        return new Retrier(
                policy, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble(), RetryListener.NONE);
    }

    public Retrier withListener(RetryListener newListener) {
        return new Retrier(policy, sleeper, random, newListener);
    }

    public BackoffPolicy policy() {
        return policy;
    }

    public <T, E extends Exception> T call(RetryableCall<T, E> call, Predicate<? super Exception> retryable) throws E {
        return call(call, retryable, failure -> Optional.empty());
    }

    /**
     * @param serverDelay the delay the failure itself asks for (a floor), or empty
     * @throws E the last failure, when it is not retryable or the attempts are used up; if the thread is interrupted
     *           while sleeping, the last failure with the {@link InterruptedException} suppressed (interrupt flag set)
     */
    public <T, E extends Exception> T call(
            RetryableCall<T, E> call,
            Predicate<? super Exception> retryable,
            Function<? super Exception, Optional<Duration>> serverDelay)
            throws E {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(retryable, "retryable");
        Objects.requireNonNull(serverDelay, "serverDelay");
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception failure) {
                if (!policy.allowsRetryAfter(attempt) || !retryable.test(failure)) {
                    throw Retrier.<E>rethrow(failure);
                }
                Duration delay = policy.delayBeforeRetry(attempt, random);
                Optional<Duration> floor = serverDelay.apply(failure);
                if (floor.isPresent() && floor.get().compareTo(delay) > 0) {
                    delay = floor.get();
                }
                listener.beforeRetry(attempt, failure, delay);
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    throw Retrier.<E>rethrow(failure);
                }
            }
        }
    }

    /** {@code call} throws only E or unchecked exceptions, so a checked failure here is an E. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Exception failure) throws E {
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        throw (E) failure;
    }
}
