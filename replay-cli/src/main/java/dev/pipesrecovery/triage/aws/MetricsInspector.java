package dev.pipesrecovery.triage.aws;

import dev.pipesrecovery.metrics.MetricName;
import dev.pipesrecovery.triage.LastHour;
import dev.pipesrecovery.triage.QueueAge;
import dev.pipesrecovery.triage.Reading;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The last hour of CloudWatch for one consumer, in one {@code GetMetricData} request (1-minute periods): the hydrate
 * function's counts from the metric catalog, the pipe's failures ({@code AWS/EventBridge/Pipes}, aws-facts §4.1) and
 * the age of the oldest message of the DLQ and the poison queue ({@code AWS/SQS ApproximateAgeOfOldestMessage}, the
 * only place SQS gives an age: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html).
 */
public final class MetricsInspector {

    /** SQS publishes a queue's metrics every minute; an older last datapoint is not a reading of now. */
    static final Duration FRESH = Duration.ofMinutes(15);

    private static final String SQS = "AWS/SQS";
    private static final String PIPES = "AWS/EventBridge/Pipes";

    /** What one request read; each part known or unknown. */
    public record Readings(Reading<LastHour> lastHour, Reading<QueueAge> dlqAge, Reading<QueueAge> poisonAge) {}

    private final CloudWatchClient cloudWatch;
    private final FailureReason reason;

    public MetricsInspector(CloudWatchClient cloudWatch, FailureReason reason) {
        this.cloudWatch = cloudWatch;
        this.reason = reason;
    }

    /** @param dlqName, poisonName the queues' names, or null when unknown */
    public Readings read(String consumer, String dlqName, String poisonName, Instant now) {
        List<MetricDataQuery> queries = new ArrayList<>();
        String perConsumer = MetricName.CONSUMER_DIMENSION;
        queries.add(query(
                "received",
                MetricName.NAMESPACE,
                MetricName.DLQ_MESSAGES_RECEIVED.metricName(),
                perConsumer,
                consumer,
                "Sum"));
        queries.add(query(
                "archived",
                MetricName.NAMESPACE,
                MetricName.RECORDS_ARCHIVED.metricName(),
                perConsumer,
                consumer,
                "Sum"));
        queries.add(query(
                "lost", MetricName.NAMESPACE, MetricName.RECORDS_LOST.metricName(), perConsumer, consumer, "Sum"));
        queries.add(query(
                "failures",
                MetricName.NAMESPACE,
                MetricName.HYDRATE_FAILURES.metricName(),
                perConsumer,
                consumer,
                "Sum"));
        queries.add(query(
                "headroom",
                MetricName.NAMESPACE,
                MetricName.RETENTION_HEADROOM_SECONDS.metricName(),
                perConsumer,
                consumer,
                "Minimum"));
        queries.add(query("executionFailed", PIPES, "ExecutionFailed", "PipeName", consumer, "Sum"));
        queries.add(query("targetFailed", PIPES, "TargetStageFailed", "PipeName", consumer, "Sum"));
        if (dlqName != null) {
            queries.add(query("dlqAge", SQS, "ApproximateAgeOfOldestMessage", "QueueName", dlqName, "Maximum"));
        }
        if (poisonName != null) {
            queries.add(query("poisonAge", SQS, "ApproximateAgeOfOldestMessage", "QueueName", poisonName, "Maximum"));
        }
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Map<String, List<Point>> series = new HashMap<>();
        try {
            cloudWatch
                    .getMetricDataPaginator(b -> b.metricDataQueries(queries)
                            .startTime(end.minus(Duration.ofMinutes(61)))
                            .endTime(end)
                            .scanBy(ScanBy.TIMESTAMP_DESCENDING))
                    .metricDataResults()
                    .forEach(result -> series.computeIfAbsent(result.id(), id -> new ArrayList<>())
                            .addAll(points(result)));
        } catch (SdkException e) {
            String why = reason.of("cloudwatch:GetMetricData", e);
            return new Readings(Reading.unknown(why), Reading.unknown(why), Reading.unknown(why));
        }
        Double headroom = min(series.get("headroom"));
        LastHour hour = new LastHour(
                sum(series.get("received")),
                sum(series.get("archived")),
                sum(series.get("lost")),
                sum(series.get("failures")),
                headroom == null ? null : Duration.ofSeconds(headroom.longValue()),
                sum(series.get("executionFailed")),
                sum(series.get("targetFailed")));
        return new Readings(
                Reading.of(hour),
                age(series.get("dlqAge"), dlqName, now),
                age(series.get("poisonAge"), poisonName, now));
    }

    private record Point(Instant at, double value) {}

    private static List<Point> points(MetricDataResult result) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
            points.add(new Point(result.timestamps().get(i), result.values().get(i)));
        }
        return points;
    }

    private static MetricDataQuery query(
            String id, String namespace, String metric, String dimension, String value, String stat) {
        return MetricDataQuery.builder()
                .id(id)
                .returnData(true)
                .metricStat(s -> s.period(60)
                        .stat(stat)
                        .metric(m -> m.namespace(namespace)
                                .metricName(metric)
                                .dimensions(Dimension.builder()
                                        .name(dimension)
                                        .value(value)
                                        .build())))
                .build();
    }

    private static Long sum(List<Point> points) {
        return points == null || points.isEmpty()
                ? null
                : Math.round(points.stream().mapToDouble(Point::value).sum());
    }

    private static Double min(List<Point> points) {
        return points == null || points.isEmpty()
                ? null
                : points.stream().mapToDouble(Point::value).min().getAsDouble();
    }

    private static Reading<QueueAge> age(List<Point> points, String queueName, Instant now) {
        if (queueName == null) {
            return Reading.unknown("the queue is not known");
        }
        Point latest = points == null
                ? null
                : points.stream().max((a, b) -> a.at().compareTo(b.at())).orElse(null);
        if (latest == null || latest.at().isBefore(now.minus(FRESH))) {
            return Reading.unknown("CloudWatch has no ApproximateAgeOfOldestMessage datapoint for " + queueName
                    + " in the last " + FRESH.toMinutes() + " minutes"
                    + (latest == null ? "" : " (the last is from " + latest.at() + ")"));
        }
        return Reading.of(new QueueAge(Duration.ofSeconds((long) latest.value()), latest.at()));
    }
}
