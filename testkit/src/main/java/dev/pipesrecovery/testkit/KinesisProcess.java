package dev.pipesrecovery.testkit;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * A Kinesis emulator running as a {@code node} child process (kinesalite, kinesis-local): ready once a real
 * {@code ListStreams} succeeds, killed at once on {@link #close()} (it keeps no state worth a graceful stop).
 */
abstract class KinesisProcess implements Emulator {

    private final String name;
    private final ChildProcess process;
    private final URI endpoint;
    private volatile boolean closed;

    KinesisProcess(String name, ChildProcess process, URI endpoint) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Returns {@code emulator} once it answers {@code ListStreams}; closes it and throws if it does not in time. */
    static <E extends KinesisProcess> E awaitListStreams(E emulator, Duration timeout) {
        KinesisProcess self = emulator;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KinesisClient kinesis = LocalAws.kinesis(self.endpoint)) {
            while (true) {
                try {
                    kinesis.listStreams();
                    return emulator;
                } catch (SdkException notYet) {
                    if (System.nanoTime() > deadline || !self.process.isAlive()) {
                        throw new IllegalStateException(
                                self.name + " on " + self.endpoint + " does not answer ListStreams:\n"
                                        + self.process.logTail(),
                                notYet);
                    }
                    ChildProcess.pause(100);
                }
            }
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The emulator's process (tests check it is gone after {@link #close()}). */
    public ProcessHandle processHandle() {
        return process.handle();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            process.stop(true);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + endpoint + ", " + process + "]";
    }
}
