package dev.pipesrecovery.sandbox.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the pipe stand-in did, and every DLQ message it sent. Thread-safe. */
public final class PipeStats {

    /** One DLQ message sent: the range it names. */
    public record DeadLetter(
            String shardId, String startSequenceNumber, String endSequenceNumber, int batchSize, String condition) {}

    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong recordsDelivered = new AtomicLong();
    private final AtomicLong recordsDeadLettered = new AtomicLong();
    private final AtomicLong targetCalls = new AtomicLong();
    private final AtomicLong customerErrors = new AtomicLong();
    private final AtomicLong internalErrors = new AtomicLong();
    private final AtomicLong sourceReadErrors = new AtomicLong();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    void read(int count) {
        recordsRead.addAndGet(count);
    }

    void delivered(int count) {
        recordsDelivered.addAndGet(count);
    }

    void targetCall() {
        targetCalls.incrementAndGet();
    }

    void customerError() {
        customerErrors.incrementAndGet();
    }

    void internalError() {
        internalErrors.incrementAndGet();
    }

    void sourceReadError() {
        sourceReadErrors.incrementAndGet();
    }

    synchronized void deadLettered(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
        recordsDeadLettered.addAndGet(deadLetter.batchSize());
    }

    public long recordsRead() {
        return recordsRead.get();
    }

    /** Records whose batch the target accepted (a record retried inside a bisected batch counts once per success). */
    public long recordsDelivered() {
        return recordsDelivered.get();
    }

    public long recordsDeadLettered() {
        return recordsDeadLettered.get();
    }

    /** Records the pipe is done with: delivered or dead-lettered. */
    public long recordsDone() {
        return recordsDelivered.get() + recordsDeadLettered.get();
    }

    public long targetCalls() {
        return targetCalls.get();
    }

    public long customerErrors() {
        return customerErrors.get();
    }

    public long internalErrors() {
        return internalErrors.get();
    }

    /** GetRecords/GetShardIterator failures (throttling, expired iterators) the pipe recovered from. */
    public long sourceReadErrors() {
        return sourceReadErrors.get();
    }

    public synchronized List<DeadLetter> deadLetters() {
        return new ArrayList<>(deadLetters);
    }
}
