package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CloudWatch dashboard snippet: the decided AWS::Include shape, only known Fn::Sub variables, a body whose
 * widgets fit CloudWatch's 24-column grid, and metric lines with the dimensions of this consumer's resources.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
class CloudWatchDashboardTest {
    /** Parameters and pseudo parameters of pipe.yaml the body may use besides the snippet's own variables. */
    private static final Set<String> STACK_VARIABLES =
            Set.of("PipeName", "StreamName", "RecoveryStackName", "AWS::Region", "AWS::AccountId", "AWS::Partition");

    private static final Set<String> WIDGET_TYPES = Set.of("metric", "text", "log", "alarm");
    private static final String STAT = "Average|Sum|Minimum|Maximum|SampleCount|p\\d{1,2}(\\.\\d+)?";

    private final CloudWatchDashboard dashboard = CloudWatchDashboard.load();

    @Test
    void snippetSubstitutesTheDecidedVariables() {
        assertThat(dashboard.variables())
                .isEqualTo(Map.of(
                        "DlqName", Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "QueueName")),
                        "HydrateFunctionName",
                                Map.of(
                                        "Fn::ImportValue",
                                        Map.of("Fn::Sub", "${RecoveryStackName}-HydrateFunctionName")),
                        "PoisonQueueName",
                                Map.of("Fn::ImportValue", Map.of("Fn::Sub", "${RecoveryStackName}-PoisonQueueName"))));
    }

    @Test
    void bodyUsesEveryVariableAndNoUnknownOne() {
        Set<String> references = dashboard.subReferences();
        assertThat(references)
                .allSatisfy(reference -> assertThat(STACK_VARIABLES.contains(reference)
                                || dashboard.variables().containsKey(reference))
                        .as("${%s} is neither a snippet variable nor a pipe.yaml parameter", reference)
                        .isTrue());
        assertThat(references)
                .containsAll(dashboard.variables().keySet().stream()
                        .map(String::valueOf)
                        .toList());
    }

    @Test
    void widgetsFitTheGridWithoutOverlapping() {
        List<int[]> placed = new ArrayList<>();
        for (JsonNode widget : dashboard.json().path("widgets")) {
            String type = widget.path("type").asText();
            assertThat(WIDGET_TYPES).as("widget type").contains(type);
            int x = widget.path("x").asInt(-1);
            int y = widget.path("y").asInt(-1);
            int width = widget.path("width").asInt(0);
            int height = widget.path("height").asInt(0);
            assertThat(x).as("x of %s", widget).isBetween(0, 23);
            assertThat(y).as("y of %s", widget).isGreaterThanOrEqualTo(0);
            assertThat(width).as("width of %s", widget).isBetween(1, 24 - x);
            assertThat(height).as("height of %s", widget).isBetween(1, 1000);
            for (int[] other : placed) {
                boolean overlaps = x < other[0] + other[2]
                        && other[0] < x + width
                        && y < other[1] + other[3]
                        && other[1] < y + height;
                assertThat(overlaps)
                        .as("widget at %d,%d overlaps another", x, y)
                        .isFalse();
            }
            placed.add(new int[] {x, y, width, height});
        }
        assertThat(placed).hasSizeGreaterThan(10);
    }

    @Test
    void metricAndLogWidgetsNameTheirRegionTitleAndValidStatistics() {
        for (JsonNode widget : dashboard.json().path("widgets")) {
            JsonNode properties = widget.path("properties");
            String type = widget.path("type").asText();
            if (type.equals("metric") || type.equals("log")) {
                assertThat(properties.path("region").asText()).isEqualTo("${AWS::Region}");
                assertThat(properties.path("title").asText()).isNotBlank();
            }
            if (type.equals("metric")) {
                List<String> stats = new ArrayList<>();
                if (properties.has("stat")) {
                    stats.add(properties.path("stat").asText());
                }
                properties
                        .path("metrics")
                        .forEach(line -> line.forEach(item -> {
                            if (item.isObject() && item.has("stat")) {
                                stats.add(item.path("stat").asText());
                            }
                        }));
                assertThat(stats)
                        .as("statistics of %s", properties.path("title"))
                        .isNotEmpty()
                        .allSatisfy(stat -> assertThat(stat).matches(STAT));
            }
        }
    }

    @Test
    void metricLinesWatchThisConsumersResources() {
        Map<String, Set<Map<String, String>>> expected = Map.of(
                // the catalog's per-consumer metrics, and its per-function ones (ColdStart)
                "PipesRecovery",
                        Set.of(Map.of("Consumer", "${PipeName}"), Map.of("FunctionName", "${HydrateFunctionName}")),
                "AWS/EventBridge/Pipes", Set.of(Map.of("PipeName", "${PipeName}")),
                "AWS/Kinesis", Set.of(Map.of("StreamName", "${StreamName}")),
                "AWS/SQS", Set.of(Map.of("QueueName", "${DlqName}"), Map.of("QueueName", "${PoisonQueueName}")),
                "AWS/Lambda", Set.of(Map.of("FunctionName", "${HydrateFunctionName}")));
        assertThat(dashboard.metricLines())
                .allSatisfy(line -> assertThat(expected.get(line.metric().namespace()))
                        .as("dimensions of %s in '%s'", line.metric(), line.widget())
                        .contains(line.dimensions()));
    }

    @Test
    void logWidgetReadsTheHydrateLogGroupForThisConsumerOnly() {
        List<String> queries = new ArrayList<>();
        dashboard.json().path("widgets").forEach(w -> {
            if (w.path("type").asText().equals("log")) {
                queries.add(w.path("properties").path("query").asText());
            }
        });
        assertThat(queries)
                .singleElement()
                .satisfies(query -> assertThat(query)
                        .startsWith("SOURCE '/aws/lambda/${HydrateFunctionName}'")
                        .contains("filter consumer = '${PipeName}'"));
    }
}
