package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.metrics.EmbeddedMetricFormat;
import dev.pipesrecovery.metrics.MetricName;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Emits the metric catalog as CloudWatch Embedded Metric Format lines on stdout: one line per consumer per
 * invocation, which CloudWatch turns into metrics in namespace {@code PipesRecovery} with dimension {@code Consumer}
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
 * and {@code ColdStart} with dimension {@code FunctionName}. An EMF line has no {@code level}: Lambda counts it INFO,
 * which is why the stacks allow no application log level above INFO (a WARN filter would drop the metrics).
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
            byConsumer.put(
                    outcome.consumer(),
                    byConsumer
                            .getOrDefault(outcome.consumer(), ConsumerTally.EMPTY)
                            .plus(outcome));
        }
        byConsumer.forEach(
                (consumer, tally) -> log.raw(EmbeddedMetricFormat.line(consumer, tally.values(), clock.instant())));
    }

    /** {@code ColdStart} 1 for the first invocation of an execution environment (per function, not per consumer). */
    public void emitColdStart(LambdaInvocation invocation) {
        if (invocation.coldStart() && invocation.functionName() != null) {
            log.raw(EmbeddedMetricFormat.functionLine(
                    invocation.functionName(), Map.of(MetricName.COLD_START, 1), clock.instant()));
        }
    }
}
