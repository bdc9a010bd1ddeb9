package dev.pipesrecovery.triage;

import dev.pipesrecovery.report.RunHistory;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything triage read about one consumer, each part known or unknown with its reason. The peeks are null when
 * {@code --peek} was not asked for (reading bodies counts as a receive, so it is never done unasked).
 */
public record ConsumerFacts(
        String consumer,
        Instant checkedAt,
        Reading<PipeDescription> pipe,
        Reading<StreamDescription> stream,
        Reading<QueueDepth> dlq,
        Reading<QueueAge> dlqAge,
        Reading<PeekedMessages> dlqPeek,
        Reading<QueueDepth> poison,
        Reading<QueueAge> poisonAge,
        Reading<PeekedMessages> poisonPeek,
        Reading<LastHour> lastHour,
        Reading<ArchiveCounts> archive,
        Reading<RunHistory> replays) {

    public ConsumerFacts {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(checkedAt, "checkedAt");
        for (Reading<?> reading :
                new Reading<?>[] {pipe, stream, dlq, dlqAge, poison, poisonAge, lastHour, archive, replays}) {
            Objects.requireNonNull(reading, "every reading but the peeks is required");
        }
    }
}
