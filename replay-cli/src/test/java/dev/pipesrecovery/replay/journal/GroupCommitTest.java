package dev.pipesrecovery.replay.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on a real file whose fsync is slowed down and counted: callers share fsyncs, nothing is lost. */
class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void callersArrivingDuringAnFsyncShareTheNextOneAndReturnOnlyOnceTheirLinesAreOnDisk() throws Exception {
        Path file = dir.resolve("journal");
        CountDownLatch firstFsyncStarted = new CountDownLatch(1);
        try (SlowFsync channel = new SlowFsync(file, firstFsyncStarted)) {
            GroupCommit appends = new GroupCommit(channel);
            Thread first = new Thread(() -> append(appends, "first"));
            first.start();
            firstFsyncStarted.await(); // the first caller is writing: the others queue behind it
            List<Thread> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String line = "lane-" + i;
                others.add(new Thread(() -> append(appends, line)));
            }
            others.forEach(Thread::start);
            while (others.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
                Thread.onSpinWait(); // all seven wait for the write in progress
            }
            channel.releaseFirstFsync();
            first.join();
            for (Thread other : others) {
                other.join();
            }

            assertThat(channel.fsyncs.get())
                    .as("the first caller's, then one for all seven")
                    .isEqualTo(2);
            assertThat(channel.linesFsynced.get()).isEqualTo(8);
        }
        assertThat(Files.readAllLines(file))
                .hasSize(8)
                .startsWith("first")
                .containsAll(List.of("lane-0", "lane-1", "lane-2", "lane-3", "lane-4", "lane-5", "lane-6"));
    }

    @Test
    void aLineAppendedWithoutWaitingIsWrittenWithTheNextDurableOneOrByFlush() throws Exception {
        Path file = dir.resolve("journal");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            GroupCommit appends = new GroupCommit(channel);
            appends.append("a\tmarked");
            assertThat(Files.size(file)).as("not written yet").isZero();
            appends.appendDurably(List.of("b"));
            appends.append("b\tmarked");
            appends.flush();
        }
        assertThat(Files.readAllLines(file)).containsExactly("a\tmarked", "b", "b\tmarked");
    }

    @Test
    void aFailedWriteIsThrownToItsCallers() throws Exception {
        Path full = Path.of("/dev/full"); // Linux: every write fails with ENOSPC
        assertThat(full).as("Linux's /dev/full").exists();
        try (FileChannel channel = FileChannel.open(full, StandardOpenOption.WRITE)) {
            GroupCommit appends = new GroupCommit(channel);
            assertThatThrownBy(() -> appends.appendDurably(List.of("a"))).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> appends.appendDurably(List.of("b"))).isInstanceOf(IOException.class);
        }
    }

    private static void append(GroupCommit appends, String line) {
        try {
            appends.appendDurably(List.of(line));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real file channel whose first fsync waits to be released; counts fsyncs and the lines they covered. */
    private static final class SlowFsync extends FileChannel {
        private final FileChannel file;
        private final CountDownLatch firstFsyncStarted;
        private final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger fsyncs = new AtomicInteger();
        final AtomicInteger linesFsynced = new AtomicInteger();
        private final AtomicInteger linesWritten = new AtomicInteger();

        SlowFsync(Path path, CountDownLatch firstFsyncStarted) throws IOException {
            this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.firstFsyncStarted = firstFsyncStarted;
        }

        void releaseFirstFsync() {
            release.countDown();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
            linesFsynced.set(linesWritten.get());
            if (fsyncs.incrementAndGet() == 1) {
                firstFsyncStarted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            for (int i = src.position(); i < src.limit(); i++) {
                if (src.get(i) == '\n') {
                    linesWritten.incrementAndGet();
                }
            }
            return file.write(src);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return file.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
