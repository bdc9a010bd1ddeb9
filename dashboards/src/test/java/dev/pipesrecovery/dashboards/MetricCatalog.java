package dev.pipesrecovery.dashboards;

import dev.pipesrecovery.metrics.MetricName;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * The metric names dashboards, alarms and monitors may use: the toolkit's catalog ({@link MetricName}) and the AWS
 * metrics documented in {@code aws-metrics.yaml}, in their CloudWatch and Datadog spellings.
 */
final class MetricCatalog {
    private final String datadogPrefix;
    private final String datadogTag;
    private final Set<CloudWatchMetric> awsCloudWatch;
    private final Map<String, CloudWatchMetric> awsDatadog;
    private final Set<String> unconfirmedDatadog;

    private MetricCatalog(
            String datadogPrefix,
            String datadogTag,
            Set<CloudWatchMetric> awsCloudWatch,
            Map<String, CloudWatchMetric> awsDatadog,
            Set<String> unconfirmedDatadog) {
        this.datadogPrefix = datadogPrefix;
        this.datadogTag = datadogTag;
        this.awsCloudWatch = Set.copyOf(awsCloudWatch);
        this.awsDatadog = Map.copyOf(awsDatadog);
        this.unconfirmedDatadog = Set.copyOf(unconfirmedDatadog);
    }

    @SuppressWarnings("unchecked")
    static MetricCatalog load() {
        Map<String, Object> doc = new Yaml().load(ProjectFiles.read(ProjectFiles.AWS_METRICS));
        Map<String, Object> custom = (Map<String, Object>) doc.get("datadogCustomMetrics");
        Set<CloudWatchMetric> cloudWatch = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        ((Map<String, Map<String, Object>>) doc.get("cloudwatch")).forEach((namespace, entry) -> {
            requireSource(namespace, entry);
            ((List<String>) entry.get("metrics")).forEach(m -> cloudWatch.add(new CloudWatchMetric(namespace, m)));
        });
        Map<String, CloudWatchMetric> datadog = new LinkedHashMap<>();
        Set<String> unconfirmed = new TreeSet<>();
        ((Map<String, Map<String, Object>>) doc.get("datadog")).forEach((name, entry) -> {
            requireSource(name, entry);
            datadog.put(name, CloudWatchMetric.parse((String) entry.get("cloudwatch")));
            if (!Boolean.TRUE.equals(entry.get("confirmed"))) {
                unconfirmed.add(name);
            }
        });
        return new MetricCatalog(
                (String) custom.get("prefix"), (String) custom.get("tag"), cloudWatch, datadog, unconfirmed);
    }

    private static void requireSource(String name, Map<String, Object> entry) {
        Object source = entry.get("source");
        if (!(source instanceof String text) || text.isBlank()) {
            throw new AssertionError("aws-metrics.yaml: " + name + " has no source");
        }
    }

    static Set<CloudWatchMetric> toolkitCloudWatch() {
        return Arrays.stream(MetricName.values())
                .map(m -> new CloudWatchMetric(MetricName.NAMESPACE, m.metricName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    Set<CloudWatchMetric> awsCloudWatch() {
        return awsCloudWatch;
    }

    boolean isKnown(CloudWatchMetric metric) {
        return toolkitCloudWatch().contains(metric) || awsCloudWatch.contains(metric);
    }

    /** {@code RecordsLost} becomes {@code pipesrecovery.records_lost}. */
    String datadogName(MetricName metric) {
        return datadogPrefix
                + metric.metricName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    String datadogTag() {
        return datadogTag;
    }

    /** Every Datadog name a query may use, mapped to the CloudWatch metric it mirrors. */
    Map<String, CloudWatchMetric> datadogToCloudWatch() {
        Map<String, CloudWatchMetric> all = new LinkedHashMap<>(awsDatadog);
        for (MetricName metric : MetricName.values()) {
            all.put(datadogName(metric), new CloudWatchMetric(MetricName.NAMESPACE, metric.metricName()));
        }
        return all;
    }

    Set<String> unconfirmedDatadog() {
        return unconfirmedDatadog;
    }
}
