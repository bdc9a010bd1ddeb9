package dev.pipesrecovery.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.metrics.MetricName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every metric name the project's dashboards, alarms and monitors reference, and the checks that tie them to the
 * catalog: no unknown name anywhere, every catalog metric on both dashboards and in at least one alarm or monitor,
 * and the two dashboards showing the same AWS metrics. A metric renamed in one place only breaks one of these.
 */
record MetricReferences(
        Set<CloudWatchMetric> cloudWatchDashboard,
        Set<CloudWatchMetric> cloudFormationAlarms,
        Set<String> datadogDashboard,
        Set<String> datadogMonitors) {

    static MetricReferences ofProject() {
        try {
            return of(
                    CloudWatchDashboard.load(),
                    CloudFormationAlarm.all(),
                    DatadogDashboardFile.tree(),
                    DatadogMonitorFile.all().stream()
                            .map(DatadogMonitorFile::query)
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MetricReferences of(
            CloudWatchDashboard cloudWatch,
            List<CloudFormationAlarm> alarms,
            JsonNode datadog,
            List<String> monitorQueries) {
        return new MetricReferences(
                cloudWatch.metricLines().stream()
                        .map(CloudWatchDashboard.MetricLine::metric)
                        .collect(sorted()),
                alarms.stream().flatMap(a -> a.metrics().stream()).collect(sorted()),
                DatadogDashboardFile.queries(datadog).stream()
                        .flatMap(q -> DatadogQueries.metricNames(q).stream())
                        .collect(Collectors.toCollection(TreeSet::new)),
                monitorQueries.stream()
                        .flatMap(q -> DatadogQueries.metricNames(q).stream())
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    private static java.util.stream.Collector<CloudWatchMetric, ?, TreeSet<CloudWatchMetric>> sorted() {
        return Collectors.toCollection(
                () -> new TreeSet<>((a, b) -> a.toString().compareTo(b.toString())));
    }

    List<String> problems(MetricCatalog catalog) {
        List<String> problems = new ArrayList<>();
        unknownCloudWatch(catalog, "CloudWatch dashboard", cloudWatchDashboard, problems);
        unknownCloudWatch(catalog, "CloudFormation alarms", cloudFormationAlarms, problems);
        Map<String, CloudWatchMetric> datadogNames = catalog.datadogToCloudWatch();
        unknownDatadog(datadogNames, "Datadog dashboard", datadogDashboard, problems);
        unknownDatadog(datadogNames, "Datadog monitors", datadogMonitors, problems);
        for (MetricName metric : MetricName.values()) {
            CloudWatchMetric cloudWatch = new CloudWatchMetric(MetricName.NAMESPACE, metric.metricName());
            String datadog = catalog.datadogName(metric);
            require(
                    cloudWatchDashboard.contains(cloudWatch),
                    cloudWatch + " is not on the CloudWatch dashboard",
                    problems);
            require(datadogDashboard.contains(datadog), datadog + " is not on the Datadog dashboard", problems);
            require(
                    !metric.alarmed() || cloudFormationAlarms.contains(cloudWatch) || datadogMonitors.contains(datadog),
                    metric.metricName() + " is in no CloudFormation alarm and no Datadog monitor",
                    problems);
        }
        for (String name : datadogDashboard) {
            CloudWatchMetric mirrored = datadogNames.get(name);
            require(
                    mirrored == null || cloudWatchDashboard.contains(mirrored),
                    "the Datadog dashboard shows " + name + " but the CloudWatch dashboard does not show " + mirrored,
                    problems);
        }
        Set<CloudWatchMetric> mirroredOnDatadog = datadogDashboard.stream()
                .map(datadogNames::get)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (CloudWatchMetric metric : cloudWatchDashboard) {
            require(
                    !datadogNames.containsValue(metric) || mirroredOnDatadog.contains(metric),
                    "the CloudWatch dashboard shows " + metric + " but the Datadog dashboard shows no mirror of it",
                    problems);
        }
        return problems;
    }

    private static void unknownCloudWatch(
            MetricCatalog catalog, String where, Collection<CloudWatchMetric> metrics, List<String> problems) {
        metrics.stream()
                .filter(m -> !catalog.isKnown(m))
                .forEach(m -> problems.add(where + ": " + m + " is neither in MetricName nor in aws-metrics.yaml"));
    }

    private static void unknownDatadog(
            Map<String, CloudWatchMetric> known, String where, Collection<String> names, List<String> problems) {
        names.stream()
                .filter(n -> !known.containsKey(n))
                .forEach(n -> problems.add(where + ": " + n + " is neither a catalog metric nor in aws-metrics.yaml"));
    }

    private static void require(boolean condition, String problem, List<String> problems) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
