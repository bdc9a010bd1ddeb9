package dev.pipesrecovery.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The per-consumer dashboard snippet ({@code cloudwatch/consumer-dashboard.yaml}): an {@code Fn::Sub} of the body
 * JSON and its variable map. Every {@code ${...}} sits inside a JSON string, so the body parses as it is.
 */
final class CloudWatchDashboard {
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Pattern ALARM_ARN = Pattern.compile(
            "^arn:\\$\\{AWS::Partition}:cloudwatch:\\$\\{AWS::Region}" + ":\\$\\{AWS::AccountId}:alarm:(.+)$");

    /** One metric line of a metric widget: namespace, name, dimension name/value pairs. */
    record MetricLine(String widget, CloudWatchMetric metric, Map<String, String> dimensions) {}

    private final Map<?, ?> snippet;
    private final String body;
    private final JsonNode json;

    private CloudWatchDashboard(Map<?, ?> snippet, String body, JsonNode json) {
        this.snippet = snippet;
        this.body = body;
        this.json = json;
    }

    /** Loads with a plain YAML constructor: a short-form tag such as {@code !Sub} is not allowed in an include. */
    static CloudWatchDashboard load() {
        return parse(ProjectFiles.read(ProjectFiles.CLOUDWATCH_SNIPPET));
    }

    static CloudWatchDashboard parse(String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?> snippet)
                || snippet.size() != 1
                || !snippet.containsKey("Fn::Sub")
                || !(snippet.get("Fn::Sub") instanceof List<?> sub)
                || sub.size() != 2
                || !(sub.get(0) instanceof String body)
                || !(sub.get(1) instanceof Map<?, ?>)) {
            throw new AssertionError("the snippet must be exactly {Fn::Sub: [<body JSON>, {<variables>}]}");
        }
        try {
            return new CloudWatchDashboard(snippet, body, new ObjectMapper().readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard body is not JSON", e);
        }
    }

    Map<?, ?> snippet() {
        return snippet;
    }

    Map<?, ?> variables() {
        return (Map<?, ?>) ((List<?>) snippet.get("Fn::Sub")).get(1);
    }

    JsonNode json() {
        return json;
    }

    Set<String> subReferences() {
        Set<String> references = new LinkedHashSet<>();
        Matcher matcher = SUB_REFERENCE.matcher(body);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        return references;
    }

    List<MetricLine> metricLines() {
        List<MetricLine> lines = new ArrayList<>();
        for (JsonNode widget : json.path("widgets")) {
            if (!widget.path("type").asText().equals("metric")) {
                continue;
            }
            String title = widget.path("properties").path("title").asText();
            for (JsonNode line : widget.path("properties").path("metrics")) {
                List<String> strings = new ArrayList<>();
                line.forEach(item -> {
                    if (item.isTextual()) {
                        strings.add(item.asText());
                    }
                });
                if (strings.size() < 2 || strings.size() % 2 != 0) {
                    throw new AssertionError(title + ": a metric line is [namespace, name, (dimension, value)*,"
                            + " {options}?] with no '.' shorthand: " + line);
                }
                Map<String, String> dimensions = new java.util.LinkedHashMap<>();
                for (int i = 2; i < strings.size(); i += 2) {
                    dimensions.put(strings.get(i), strings.get(i + 1));
                }
                lines.add(new MetricLine(title, new CloudWatchMetric(strings.get(0), strings.get(1)), dimensions));
            }
        }
        return lines;
    }

    /** The alarm names of the alarm widgets, as Fn::Sub text, e.g. {@code ${PipeName}-records-lost}. */
    List<String> alarmNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode widget : json.path("widgets")) {
            for (JsonNode arn : widget.path("properties").path("alarms")) {
                Matcher matcher = ALARM_ARN.matcher(arn.asText());
                if (!matcher.matches()) {
                    throw new AssertionError("alarm widget entry is not an alarm ARN of this account/region: " + arn);
                }
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
