package dev.pipesrecovery.triage.aws;

import dev.pipesrecovery.report.RunHistory;
import dev.pipesrecovery.triage.ArchiveCounts;
import dev.pipesrecovery.triage.ConsumerFacts;
import dev.pipesrecovery.triage.PeekedMessages;
import dev.pipesrecovery.triage.PipeDescription;
import dev.pipesrecovery.triage.QueueDepth;
import dev.pipesrecovery.triage.Reading;
import dev.pipesrecovery.triage.StreamDescription;
import java.time.Instant;

/**
 * Reads what AWS says about one consumer, following the pipe's own wiring as the shipped stacks build it: the pipe
 * ({@code DescribePipe}) names its stream (its source) and its DLQ ({@code DeadLetterConfig}); the DLQ's
 * {@code RedrivePolicy} names the poison queue. Each link can be given instead ({@code --stream}, {@code --dlq-url},
 * {@code --poison-queue-url}): for a pipe triage may not describe, or a DLQ the pipe does not name.
 */
public final class ConsumerInspection {

    /** What the command line gives instead of discovering it; null parts are discovered. */
    public record Overrides(String dlqUrl, String poisonQueueUrl, String stream, int peek) {
        public static final Overrides NONE = new Overrides(null, null, null, 0);
    }

    private final PipeInspector pipes;
    private final StreamInspector streams;
    private final QueueInspector queues;
    private final QueuePeek peeks;
    private final MetricsInspector metrics;

    public ConsumerInspection(
            PipeInspector pipes,
            StreamInspector streams,
            QueueInspector queues,
            QueuePeek peeks,
            MetricsInspector metrics) {
        this.pipes = pipes;
        this.streams = streams;
        this.queues = queues;
        this.peeks = peeks;
        this.metrics = metrics;
    }

    public ConsumerFacts inspect(
            String consumer,
            Overrides overrides,
            Instant now,
            Reading<ArchiveCounts> archive,
            Reading<RunHistory> replays) {
        Reading<PipeDescription> pipe = pipes.describe(consumer);
        Reading<StreamDescription> stream = overrides.stream() != null
                ? streams.describe(overrides.stream())
                : pipe.known()
                        ? streamOf(pipe.value())
                        : Reading.unknown("needs the pipe's description (" + pipe.unknown() + ") or --stream");
        Reading<String> dlqUrl = overrides.dlqUrl() != null
                ? Reading.of(overrides.dlqUrl())
                : pipe.known()
                        ? dlqOf(pipe.value())
                        : Reading.unknown("needs the pipe's description (" + pipe.unknown() + ") or --dlq-url");
        Reading<QueueDepth> dlq = dlqUrl.known() ? queues.depth(dlqUrl.value()) : Reading.unknown(dlqUrl.unknown());
        Reading<String> poisonUrl = overrides.poisonQueueUrl() != null
                ? Reading.of(overrides.poisonQueueUrl())
                : !dlq.known()
                        ? Reading.unknown("needs the DLQ's RedrivePolicy (" + dlq.unknown() + ") or --poison-queue-url")
                        : dlq.value().redriveTargetArn() == null
                                ? Reading.unknown(
                                        "the DLQ has no RedrivePolicy: a message "
                                                + "the hydrate function cannot handle is retried until the DLQ's retention deletes it")
                                : queues.urlOf(dlq.value().redriveTargetArn());
        Reading<QueueDepth> poison =
                poisonUrl.known() ? queues.depth(poisonUrl.value()) : Reading.unknown(poisonUrl.unknown());
        MetricsInspector.Readings cloudWatch = metrics.read(
                consumer,
                dlq.known() ? dlq.value().name() : null,
                poison.known() ? poison.value().name() : null,
                now);
        return new ConsumerFacts(
                consumer,
                now,
                pipe,
                stream,
                dlq,
                cloudWatch.dlqAge(),
                peek(dlq, overrides.peek(), consumer),
                poison,
                cloudWatch.poisonAge(),
                peek(poison, overrides.peek(), consumer),
                cloudWatch.lastHour(),
                archive,
                replays);
    }

    /** The consumer names without {@code --consumer}: the account's pipes that read a Kinesis stream. */
    public Reading<java.util.List<String>> kinesisPipes() {
        return pipes.kinesisPipes();
    }

    private Reading<StreamDescription> streamOf(PipeDescription pipe) {
        if (pipe.sourceArn() == null || !pipe.sourceArn().contains(":kinesis:")) {
            return Reading.unknown("the pipe's source is not a Kinesis stream (" + pipe.sourceArn() + ")");
        }
        return streams.describe(pipe.sourceArn());
    }

    private Reading<String> dlqOf(PipeDescription pipe) {
        if (!pipe.hasDeadLetterQueue()) {
            return Reading.unknown("the pipe has no dead-letter queue (DeadLetterConfig): records that run out of "
                    + "retries are dropped, and nothing can hydrate them; --dlq-url names one");
        }
        return queues.urlOf(pipe.deadLetterArn());
    }

    /** Null when not asked for; an empty queue is not received from (nothing to learn, receive counts to spare). */
    private Reading<PeekedMessages> peek(Reading<QueueDepth> queue, int max, String consumer) {
        if (max <= 0 || !queue.known()) {
            return null;
        }
        return queue.value().total() == 0
                ? Reading.of(PeekedMessages.NONE)
                : peeks.peek(queue.value().url(), max, consumer);
    }
}
