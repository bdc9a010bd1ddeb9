package dev.pipesrecovery.replay.engine;

/**
 * Stops a replay when the target keeps failing (e.g. every request answers 400, or 503 after every retry) instead
 * of hammering it with the rest of the selection: {@code threshold} consecutive failed items with no delivery in
 * between open it for good. {@link #trip} opens it for another reason that makes going on unsafe (the journal cannot
 * be written). Thread-safe.
 */
public final class CircuitBreaker {

    private final int threshold;
    private int consecutiveFailures;
    private String reason;

    public CircuitBreaker(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("breaker threshold must be >= 1");
        }
        this.threshold = threshold;
    }

    public synchronized void recordSuccess() {
        if (reason == null) {
            consecutiveFailures = 0;
        }
    }

    public synchronized void recordFailure(String code) {
        consecutiveFailures++;
        if (reason == null && consecutiveFailures >= threshold) {
            reason = "the circuit breaker opened: the target kept failing (" + consecutiveFailures
                    + " consecutive failures, the last one " + code + ")";
        }
    }

    /** Opens the breaker now, for {@code why} (kept if it was open already). */
    public synchronized void trip(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public synchronized boolean isOpen() {
        return reason != null;
    }

    /** Why it opened; null while closed. */
    public synchronized String reason() {
        return reason;
    }
}
