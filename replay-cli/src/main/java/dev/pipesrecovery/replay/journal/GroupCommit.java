package dev.pipesrecovery.replay.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends lines to a file with group commit and no writer thread. A caller that needs its lines on disk either finds
 * a write in progress and waits for it to end, or becomes the writer itself and writes, with one {@code write} and
 * one {@code fsync}, every line appended until then: its own and those of every caller that came while the previous
 * write ran. Lines count as written only once their fsync returned. So a replay's lanes share fsyncs as before, and
 * no longer hand every delivery over to a writer thread and back: on a busy 2-core machine each hand-over waited for
 * the scheduler about as long as the fsync itself (replay-cli/README.md "Benchmark").
 */
final class GroupCommit {

    /** Lines appended since the last write began, and what became of their write. */
    private static final class Batch {
        private final StringBuilder lines = new StringBuilder();
        private boolean done;
        private IOException failure;
    }

    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Guarded by {@link #lock}: the batch new lines join. */
    private Batch open = new Batch();
    /** Guarded by {@link #lock}: a caller is writing the batch before {@link #open}. */
    private boolean writing;

    GroupCommit(FileChannel channel) {
        this.channel = channel;
    }

    /** Appends {@code lines} (each without its newline) and returns once they are written and fsync'd. */
    void appendDurably(Iterable<String> lines) throws IOException, InterruptedException {
        lock.lock();
        try {
            Batch batch = open;
            lines.forEach(line -> batch.lines.append(line).append('\n'));
            commit(batch);
        } finally {
            lock.unlock();
        }
    }

    /** Appends {@code line} without waiting: it is written with the next durable append, or by {@link #flush()}. */
    void append(String line) {
        lock.lock();
        try {
            open.lines.append(line).append('\n');
        } finally {
            lock.unlock();
        }
    }

    /** Writes and fsyncs whatever was appended (the end of a run). */
    void flush() throws IOException, InterruptedException {
        lock.lock();
        try {
            if (open.lines.length() > 0) {
                commit(open);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock: waits until {@code batch} is written, writing it when no one else is writing. */
    private void commit(Batch batch) throws IOException, InterruptedException {
        while (!batch.done) {
            if (writing) {
                written.await();
            } else {
                writeOpenBatch(); // the open batch is ours: only a write in progress closes one
            }
        }
        if (batch.failure != null) {
            throw batch.failure;
        }
    }

    /** Holding the lock, no write in progress: writes the open batch with the lock released meanwhile. */
    private void writeOpenBatch() {
        Batch batch = open;
        open = new Batch();
        writing = true;
        lock.unlock(); // others append to the new batch while this one is written
        try {
            ByteBuffer buffer = ByteBuffer.wrap(batch.lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            batch.failure = e;
        } finally {
            lock.lock();
            batch.done = true;
            writing = false;
            written.signalAll();
        }
    }
}
