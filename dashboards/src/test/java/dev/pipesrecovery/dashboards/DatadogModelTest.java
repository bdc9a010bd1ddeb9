package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadog.api.client.v1.model.Dashboard;
import com.datadog.api.client.v1.model.Monitor;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.testkit.AlarmIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Datadog file deserializes with the official client models and passes the strict walk; the bad fixtures
 * prove the walk rejects unknown keys, invalid enum values and widgets that match no schema.
 */
class DatadogModelTest {
    private static final Pattern THRESHOLD = Pattern.compile("\\s([<>]=?)\\s*(-?[0-9.]+)$");

    @Test
    void dashboardMatchesTheClientModelStrictly() {
        assertThat(StrictModelWalker.problems(ProjectFiles.read(ProjectFiles.DATADOG_DASHBOARD), Dashboard.class))
                .isEmpty();
    }

    @Test
    void dashboardHasTemplateVariablesForConsumerStreamAndQueue() throws IOException {
        JsonNode variables = DatadogDashboardFile.tree().path("template_variables");
        List<String> prefixes = new ArrayList<>();
        variables.forEach(v ->
                prefixes.add(v.path("name").asText() + "=" + v.path("prefix").asText()));
        assertThat(prefixes).contains("consumer=consumer", "stream=streamname", "queue=queuename");
    }

    @Test
    void everyMonitorMatchesTheClientModelStrictly() {
        assertThat(DatadogMonitorFile.all())
                .allSatisfy(monitor -> assertThat(StrictModelWalker.problems(monitor.json(), Monitor.class))
                        .as(monitor.toString())
                        .isEmpty());
    }

    @Test
    void badFixturesAreRejectedWithPreciseReasons() throws IOException {
        assertThat(StrictModelWalker.problems(fixture("dashboard-bad.json"), Dashboard.class))
                .anySatisfy(p -> assertThat(p).contains("invalid enum value 'sideways'"))
                .anySatisfy(p -> assertThat(p).contains("matches no schema"))
                .anySatisfy(p -> assertThat(p).contains("invalid enum value 'summ'"))
                .anySatisfy(p -> assertThat(p).contains("unknown keys [titel]"));
        assertThat(StrictModelWalker.problems(fixture("monitor-bad.json"), Monitor.class))
                .anySatisfy(p -> assertThat(p).contains("invalid enum value 'metric alrt'"))
                .anySatisfy(p -> assertThat(p).contains("unknown keys [critcal]"))
                .anySatisfy(p -> assertThat(p).contains("unknown keys [optoins]"));
        assertThat(StrictModelWalker.problems("{\"title\":\"t\",\"widgets\":[]}", Dashboard.class))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("layout_type"));
    }

    @Test
    void everyMonitorMessageEndsWithTheRunbookLinkOfAKnownId() {
        List<String> sections = ProjectFiles.runbook().sections();
        assertThat(DatadogMonitorFile.all()).allSatisfy(monitor -> {
            assertThat(monitor.runbookId())
                    .as("%s: message must end with 'Runbook: docs/runbook.md#<id>'", monitor)
                    .isNotEmpty();
            assertThat(AlarmIds.ALL).as(monitor.toString()).contains(monitor.runbookId());
            assertThat(sections).as(monitor.toString()).contains(monitor.runbookId());
        });
    }

    @Test
    void everyAlarmableIdHasAMonitor() {
        List<String> ids = DatadogMonitorFile.all().stream()
                .map(DatadogMonitorFile::runbookId)
                .toList();
        assertThat(ids).containsAll(AlarmIds.alarmable());
    }

    @Test
    void monitorsCarryTagsPriorityAndEvaluationDelay() {
        assertThat(DatadogMonitorFile.all()).allSatisfy(monitor -> {
            JsonNode tree = monitor.tree();
            List<String> tags = new ArrayList<>();
            tree.path("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags).as(monitor.toString()).contains("service:pipes-recovery", "alarm:" + monitor.runbookId());
            assertThat(tree.path("priority").asInt()).as(monitor.toString()).isBetween(1, 5);
            // Datadog polls CloudWatch minutes late: evaluating without a delay would see missing recent points.
            assertThat(tree.path("options").path("evaluation_delay").asInt())
                    .as(monitor.toString())
                    .isGreaterThanOrEqualTo(300);
            assertThat(tree.path("name").asText()).as(monitor.toString()).startsWith("[pipes-recovery] ");
        });
    }

    @Test
    void criticalThresholdIsTheOneInTheQuery() {
        assertThat(DatadogMonitorFile.all()).allSatisfy(monitor -> {
            Matcher matcher = THRESHOLD.matcher(monitor.query());
            assertThat(matcher.find())
                    .as("%s: query ends with a comparison", monitor)
                    .isTrue();
            double critical = monitor.tree()
                    .path("options")
                    .path("thresholds")
                    .path("critical")
                    .asDouble(Double.NaN);
            assertThat(critical).as(monitor.toString()).isEqualTo(Double.parseDouble(matcher.group(2)));
            JsonNode warning = monitor.tree().path("options").path("thresholds").path("warning");
            if (!warning.isMissingNode()) {
                boolean above = matcher.group(1).startsWith(">");
                assertThat(above ? warning.asDouble() < critical : warning.asDouble() > critical)
                        .as("%s: the warning comes before the critical threshold", monitor)
                        .isTrue();
            }
        });
    }

    @Test
    void monitorsOnUnconfirmedMetricNamesSaySo() {
        MetricCatalog catalog = MetricCatalog.load();
        assertThat(DatadogMonitorFile.all()).allSatisfy(monitor -> {
            boolean unconfirmed = DatadogQueries.metricNames(monitor.query()).stream()
                    .anyMatch(catalog.unconfirmedDatadog()::contains);
            List<String> tags = new ArrayList<>();
            monitor.tree().path("tags").forEach(t -> tags.add(t.asText()));
            assertThat(tags.contains("metric-names:unconfirmed"))
                    .as(monitor.toString())
                    .isEqualTo(unconfirmed);
            assertThat(monitor.message().contains("unconfirmed"))
                    .as(monitor.toString())
                    .isEqualTo(unconfirmed);
        });
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = DatadogModelTest.class.getResourceAsStream("/datadog/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
