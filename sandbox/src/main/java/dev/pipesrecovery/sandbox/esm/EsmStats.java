package dev.pipesrecovery.sandbox.esm;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of what the local event source mapping did. Thread-safe. */
public final class EsmStats {

    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong reportedFailures = new AtomicLong();
    private final AtomicLong failedInvocations = new AtomicLong();

    void invoked(int messages) {
        invocations.incrementAndGet();
        received.addAndGet(messages);
    }

    void deleted(int messages) {
        deleted.addAndGet(messages);
    }

    void reportedFailures(int messages) {
        reportedFailures.addAndGet(messages);
    }

    void failedInvocation() {
        failedInvocations.incrementAndGet();
    }

    public long invocations() {
        return invocations.get();
    }

    /** Messages handed to the function (a redelivered message counts each time). */
    public long received() {
        return received.get();
    }

    /** Messages the function processed and the mapping deleted. */
    public long deleted() {
        return deleted.get();
    }

    /** Messages the function listed in {@code batchItemFailures} (left for redelivery). */
    public long reportedFailures() {
        return reportedFailures.get();
    }

    /** Invocations that threw or timed out (their whole batch is redelivered). */
    public long failedInvocations() {
        return failedInvocations.get();
    }
}
