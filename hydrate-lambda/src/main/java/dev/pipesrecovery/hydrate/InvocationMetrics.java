package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.metrics.EmbeddedMetricFormat;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Emits the metric catalog as CloudWatch Embedded Metric Format lines on stdout: one line per consumer per
 * invocation, which CloudWatch turns into metrics in namespace {@code PipesRecovery} with dimension {@code Consumer}
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 */
public final class InvocationMetrics {

    private final HydrateLog log;
    private final Clock clock;

    public InvocationMetrics(HydrateLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void emit(List<MessageOutcome> outcomes) {
        Map<String, ConsumerTally> byConsumer = new TreeMap<>();
        for (MessageOutcome outcome : outcomes) {
            byConsumer.put(outcome.consumer(), byConsumer.getOrDefault(outcome.consumer(), ConsumerTally.EMPTY).plus(outcome));
        }
        byConsumer.forEach((consumer, tally) ->
                log.raw(EmbeddedMetricFormat.line(consumer, tally.values(), clock.instant())));
    }
}
