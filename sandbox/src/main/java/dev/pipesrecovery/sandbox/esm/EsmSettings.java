package dev.pipesrecovery.sandbox.esm;

import java.time.Duration;
import java.util.Objects;

/**
 * The event source mapping's settings (services-sqs-parameters): up to {@code batchSize} messages per batch (10,000
 * for a standard queue), gathered for up to {@code batchingWindow} (Lambda requires at least 1 s above 10 messages),
 * the visibility timeout a message stays hidden for while the function works on it (AWS asks for at least 6x the
 * function timeout), the function timeout itself, and the long-poll wait of an empty queue.
 * {@code ReportBatchItemFailures} is always on, as in pipe.yaml.
 */
public record EsmSettings(
        int batchSize,
        Duration visibilityTimeout,
        Duration functionTimeout,
        Duration waitTime,
        Duration batchingWindow) {

    public static final int MAX_BATCH_SIZE = 10_000;

    public EsmSettings {
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(functionTimeout, "functionTimeout");
        Objects.requireNonNull(waitTime, "waitTime");
        Objects.requireNonNull(batchingWindow, "batchingWindow");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1-10000 (a standard queue), was " + batchSize);
        }
        if (batchSize > 10 && batchingWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("a batchSize above 10 needs a batching window of at least 1 s "
                    + "(Lambda rejects the mapping otherwise), was " + batchingWindow);
        }
        if (visibilityTimeout.toSeconds() < 1 || visibilityTimeout.compareTo(functionTimeout) < 0) {
            throw new IllegalArgumentException("visibilityTimeout must be >= 1 s and >= the function timeout"
                    + " (Lambda rejects a mapping otherwise)");
        }
        if (waitTime.isNegative() || waitTime.toSeconds() > 20) {
            throw new IllegalArgumentException("waitTime must be 0-20 s");
        }
        if (batchingWindow.isNegative() || batchingWindow.toSeconds() > 300) {
            throw new IllegalArgumentException("batchingWindow must be 0-300 s");
        }
    }

    /** At most 10 messages, no batching window: one ReceiveMessage per batch. */
    public EsmSettings(int batchSize, Duration visibilityTimeout, Duration functionTimeout, Duration waitTime) {
        this(batchSize, visibilityTimeout, functionTimeout, waitTime, Duration.ZERO);
    }

    /** For rehearsals: 10 per batch, messages back after 2 s when a batch fails, 1 s long polls. */
    public static EsmSettings rehearsal() {
        return new EsmSettings(10, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    /**
     * The deployment's batch size and window, with this setting's window as the longest a rehearsal waits (its
     * timings are compressed, see RehearsalTiming).
     */
    public EsmSettings deployed(int deployedBatchSize, Duration deployedWindow) {
        Duration window = deployedWindow.compareTo(batchingWindow) < 0 ? deployedWindow : batchingWindow;
        if (deployedBatchSize > 10 && window.toSeconds() < 1) {
            window = Duration.ofSeconds(1);
        }
        return new EsmSettings(deployedBatchSize, visibilityTimeout, functionTimeout, waitTime, window);
    }
}
