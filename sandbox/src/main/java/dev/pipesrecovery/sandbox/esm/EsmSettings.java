package dev.pipesrecovery.sandbox.esm;

import java.time.Duration;
import java.util.Objects;

/**
 * The event source mapping's settings (services-sqs-configure): up to 10 messages per batch, the visibility timeout
 * a message stays hidden for while the function works on it (AWS asks for at least 6× the function timeout), and the
 * function timeout itself. {@code ReportBatchItemFailures} is always on, as in recovery.yaml.
 */
public record EsmSettings(int batchSize, Duration visibilityTimeout, Duration functionTimeout, Duration waitTime) {

    public EsmSettings {
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(functionTimeout, "functionTimeout");
        Objects.requireNonNull(waitTime, "waitTime");
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batchSize must be 1-10 (a standard queue's ReceiveMessage), was " + batchSize);
        }
        if (visibilityTimeout.toSeconds() < 1 || visibilityTimeout.compareTo(functionTimeout) < 0) {
            throw new IllegalArgumentException("visibilityTimeout must be >= 1 s and >= the function timeout"
                    + " (Lambda rejects a mapping otherwise)");
        }
        if (waitTime.isNegative() || waitTime.toSeconds() > 20) {
            throw new IllegalArgumentException("waitTime must be 0-20 s");
        }
    }

    /** For rehearsals: 10 per batch, messages back after 2 s when a batch fails, 1 s long polls. */
    public static EsmSettings rehearsal() {
        return new EsmSettings(10, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }
}
