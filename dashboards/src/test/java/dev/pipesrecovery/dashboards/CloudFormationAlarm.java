package dev.pipesrecovery.dashboards;

import dev.pipesrecovery.testkit.CloudFormationYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::CloudWatch::Alarm} of a template: its name and description as Fn::Sub text and the metrics it
 * watches (a single metric, or each {@code MetricStat} of a metric-math alarm).
 */
record CloudFormationAlarm(
        String template,
        String logicalId,
        String name,
        String description,
        List<CloudWatchMetric> metrics,
        List<Map<String, String>> dimensions) {

    CloudFormationAlarm {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
    }

    static List<CloudFormationAlarm> all() {
        List<CloudFormationAlarm> alarms = new ArrayList<>();
        for (var template : ProjectFiles.cloudFormationTemplates()) {
            Map<String, Object> parsed = CloudFormationYaml.load(ProjectFiles.read(template));
            Map<?, ?> resources = (Map<?, ?>) parsed.get("Resources");
            resources.forEach((id, resource) -> {
                Map<?, ?> definition = (Map<?, ?>) resource;
                if ("AWS::CloudWatch::Alarm".equals(definition.get("Type"))) {
                    alarms.add(from(
                            template.getFileName().toString(), (String) id, (Map<?, ?>) definition.get("Properties")));
                }
            });
        }
        return alarms;
    }

    private static CloudFormationAlarm from(String template, String id, Map<?, ?> properties) {
        List<CloudWatchMetric> metrics = new ArrayList<>();
        List<Map<String, String>> dimensions = new ArrayList<>();
        if (properties.containsKey("MetricName")) {
            metrics.add(new CloudWatchMetric(
                    SubText.of(properties.get("Namespace")), SubText.of(properties.get("MetricName"))));
            dimensions.add(dimensions(properties.get("Dimensions")));
        }
        if (properties.get("Metrics") instanceof List<?> queries) {
            for (Object query : queries) {
                if (((Map<?, ?>) query).get("MetricStat") instanceof Map<?, ?> stat) {
                    Map<?, ?> metric = (Map<?, ?>) stat.get("Metric");
                    metrics.add(new CloudWatchMetric(
                            SubText.of(metric.get("Namespace")), SubText.of(metric.get("MetricName"))));
                    dimensions.add(dimensions(metric.get("Dimensions")));
                }
            }
        }
        if (metrics.isEmpty()) {
            throw new AssertionError(template + " " + id + ": an alarm without a metric (composite alarms are not"
                    + " expected by the dashboards checks)");
        }
        String name = properties.containsKey("AlarmName") ? SubText.of(properties.get("AlarmName")) : "";
        String description =
                properties.containsKey("AlarmDescription") ? SubText.of(properties.get("AlarmDescription")) : "";
        return new CloudFormationAlarm(template, id, name, description, metrics, dimensions);
    }

    private static Map<String, String> dimensions(Object value) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> dimension = (Map<?, ?>) item;
                dimensions.put(SubText.of(dimension.get("Name")), SubText.describe(dimension.get("Value")));
            }
        }
        return dimensions;
    }

    @Override
    public String toString() {
        return template + " " + logicalId;
    }
}
