package dev.pipesrecovery.retry;

/** One attempt of an operation that {@link Retrier} may repeat. */
@FunctionalInterface
public interface RetryableCall<T, E extends Exception> {

    T call() throws E;
}
