package dev.pipesrecovery.replay.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The durable record of what a replay (one run identity) did, one archive key per line: {@code <key>} once it was
 * delivered — appended and fsync'd BEFORE its object is marked, so a run killed at any moment (even
 * {@code kill -9}) and started again skips it — and {@code <key>\tmarked} once its object was tagged (or deleted),
 * so a resumed run marks only what an earlier run delivered but could not mark, and re-tags nothing. (Archive keys
 * hold no tab.) Appends from all workers are group-committed ({@link GroupCommit}): one write + fsync serves every
 * key waiting at that time. A torn last line (killed mid-write) is ignored on reading: that key was not acknowledged,
 * so it is sent again with the same idempotency key.
 */
public final class ReplayJournal implements AutoCloseable {

    private static final String MARKED = "\tmarked";

    private final Path file;
    private final DeliveredKeys delivered;
    private final FileChannel channel;
    private final GroupCommit appends;
    private volatile boolean closed;

    private ReplayJournal(Path file, DeliveredKeys delivered, FileChannel channel) {
        this.file = file;
        this.delivered = delivered;
        this.channel = channel;
        this.appends = new GroupCommit(channel);
    }

    /**
     * Opens {@code file}, reading back what an earlier run of the same replay delivered and marked: in three passes
     * (count the deliveries, hash them, note the marks), so the delivered keys are allocated once at their exact size
     * and a resumed run of a million records needs 16 MB for them, not two or three copies.
     */
    public static ReplayJournal open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            DeliveredKeys delivered = new DeliveredKeys.Builder(0).build();
            if (Files.isRegularFile(file)) { // anything else (a device, a pipe) has nothing to read back
                dropTornTail(file);
                int[] count = {0};
                forEachLine(file, false, line -> count[0]++);
                DeliveredKeys.Builder builder = new DeliveredKeys.Builder(count[0]);
                forEachLine(file, false, builder::add);
                delivered = builder.build();
                forEachLine(file, true, delivered::noteMarked);
            }
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new ReplayJournal(file, delivered, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the replay journal " + file, e);
        }
    }

    /** Hands {@code action} the key of every delivery line, or of every mark line when {@code marks}. */
    private static void forEachLine(Path file, boolean marks, Consumer<String> action) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.endsWith(MARKED)) {
                    if (marks) {
                        action.accept(line.substring(0, line.length() - MARKED.length()));
                    }
                } else if (!line.isEmpty() && !marks) {
                    action.accept(line);
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Whether an earlier run of the same replay delivered {@code key}. */
    public boolean wasDelivered(String key) {
        return delivered.contains(key);
    }

    /** Whether an earlier run delivered {@code key} but did not mark its object (killed, or the marking failed). */
    public boolean needsMarking(String key) {
        return delivered.needsMarking(key);
    }

    public int previouslyDelivered() {
        return delivered.size();
    }

    /** Appends every key and returns once they are on disk (one fsync shared with the other lanes' keys). */
    public void recordDelivered(List<String> keys) throws InterruptedException {
        if (keys.isEmpty()) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("journal closed");
        }
        try {
            appends.appendDurably(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay journal " + file, e);
        }
    }

    /**
     * Notes that {@code key}'s object was marked; does not wait for the disk: the note is written with the next
     * delivery's (losing it costs one more tagging call after a crash, never a re-send).
     */
    public void recordMarked(String key) {
        if (!closed) {
            appends.append(key + MARKED);
        }
    }

    /** Writes what is appended, then closes the file. Callers are done appending (the run's workers have ended). */
    @Override
    public void close() {
        closed = true;
        try {
            appends.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the marks not written cost a tagging call on the next run; every delivery was fsync'd already
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Cuts a last line that has no newline (a write cut short by a kill), so new lines start clean. */
    private static void dropTornTail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            long position = end - 1;
            while (position >= 0) {
                one.clear();
                channel.read(one, position);
                if (one.get(0) == '\n') {
                    break;
                }
                position--;
            }
            if (position + 1 < end) {
                channel.truncate(position + 1);
            }
        }
    }
}
