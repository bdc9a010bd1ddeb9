package dev.pipesrecovery.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedMetricFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-21T22:41:08.002Z");

    @Test
    void writesOneLineWithEveryMetricAndTheDimensionAsRootMembers() throws Exception {
        Map<MetricName, Number> values = new LinkedHashMap<>();
        values.put(MetricName.ARCHIVE_BYTES, 2048L);
        values.put(MetricName.RECORDS_ARCHIVED, 3);
        values.put(MetricName.RETENTION_HEADROOM_SECONDS, 81234.5);
        String line = EmbeddedMetricFormat.line("orders-api", values, NOW);

        assertThat(line).doesNotContain("\n");
        JsonNode root = new ObjectMapper().readTree(line);
        JsonNode aws = root.get("_aws");
        assertThat(aws.get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("PipesRecovery");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Consumer\"]]");
        assertThat(directive.get("Metrics").toString())
                .isEqualTo(
                        "[{\"Name\":\"RecordsArchived\",\"Unit\":\"Count\"},"
                                + "{\"Name\":\"RetentionHeadroomSeconds\",\"Unit\":\"Seconds\"},{\"Name\":\"ArchiveBytes\",\"Unit\":\"Bytes\"}]");

        assertThat(root.get("Consumer").asText()).isEqualTo("orders-api");
        assertThat(root.get("RecordsArchived").isIntegralNumber()).isTrue();
        assertThat(root.get("RecordsArchived").asLong()).isEqualTo(3);
        assertThat(root.get("ArchiveBytes").asLong()).isEqualTo(2048);
        assertThat(root.get("RetentionHeadroomSeconds").asDouble()).isEqualTo(81234.5);
        for (JsonNode metric : directive.get("Metrics")) {
            assertThat(root.has(metric.get("Name").asText()))
                    .as("root member for %s", metric)
                    .isTrue();
        }
    }

    @Test
    void coversTheWholeCatalog() throws Exception {
        Map<MetricName, Number> perConsumer = new LinkedHashMap<>();
        Map<MetricName, Number> perFunction = new LinkedHashMap<>();
        for (MetricName name : MetricName.values()) {
            (name.dimension().equals(MetricName.CONSUMER_DIMENSION) ? perConsumer : perFunction).put(name, 1);
        }
        JsonNode root = new ObjectMapper().readTree(EmbeddedMetricFormat.line("c", perConsumer, NOW));
        JsonNode function = new ObjectMapper().readTree(EmbeddedMetricFormat.functionLine("hydrate", perFunction, NOW));
        assertThat(root.get("_aws")
                                .get("CloudWatchMetrics")
                                .get(0)
                                .get("Metrics")
                                .size()
                        + function.get("_aws")
                                .get("CloudWatchMetrics")
                                .get(0)
                                .get("Metrics")
                                .size())
                .isEqualTo(MetricName.values().length);
        assertThat(function.get("_aws")
                        .get("CloudWatchMetrics")
                        .get(0)
                        .get("Dimensions")
                        .get(0)
                        .get(0)
                        .asText())
                .isEqualTo("FunctionName");
        assertThat(function.get("FunctionName").asText()).isEqualTo("hydrate");
        assertThat(function.get("ColdStart").asInt()).isEqualTo(1);
        assertThat(root.get("DlqMessagesReceived").asInt()).isEqualTo(1);
        assertThat(root.get("HydrateFailures").asInt()).isEqualTo(1);
    }

    @Test
    void escapesTheConsumerName() throws Exception {
        String line = EmbeddedMetricFormat.line("a\"b", Map.of(MetricName.RECORDS_LOST, 1), NOW);
        assertThat(new ObjectMapper().readTree(line).get("Consumer").asText()).isEqualTo("a\"b");
    }

    @Test
    void rejectsWhatCloudWatchWouldDrop() {
        assertThatThrownBy(() -> EmbeddedMetricFormat.line(" ", Map.of(MetricName.RECORDS_LOST, 1), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Consumer");
        assertThatThrownBy(() -> EmbeddedMetricFormat.line("c", Map.of(), NOW)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> EmbeddedMetricFormat.line("c", Map.of(MetricName.COLD_START, 1), NOW))
                .hasMessageContaining("ColdStart has dimension FunctionName, not Consumer");
        assertThatThrownBy(() -> EmbeddedMetricFormat.line("c", Map.of(MetricName.ARCHIVE_BYTES, Double.NaN), NOW))
                .hasMessageContaining("ArchiveBytes must be a finite number");
    }
}
