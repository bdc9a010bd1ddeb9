package dev.pipesrecovery.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The age of a queue's oldest message as CloudWatch last published it ({@code AWS/SQS ApproximateAgeOfOldestMessage},
 * 1-minute data; SQS exposes no age through its own API). For a standard queue the age counts from when the pipe sent
 * the message, also after a redrive to the poison queue
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/setting-up-dead-letter-queue-retention.html).
 *
 * @param asOf the minute of the datapoint: the age grew by the time since
 */
public record QueueAge(Duration age, Instant asOf) {

    public QueueAge {
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** The age at {@code now}: the datapoint's age plus the time since it was taken. */
    public Duration at(Instant now) {
        Duration since = Duration.between(asOf, now);
        return since.isNegative() ? age : age.plus(since);
    }
}
