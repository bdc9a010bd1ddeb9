package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadog.api.client.v2.model.LogsMetricCreateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.metrics.MetricName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log-based metric definitions (one per catalog metric) that compute the Datadog {@code pipesrecovery.*} names
 * from the hydrate function's EMF log lines, whose root members are the metric values and the Consumer dimension.
 */
class LogMetricsTest {
    private final MetricCatalog catalog = MetricCatalog.load();
    private final List<LogMetricFile> files = ProjectFiles.jsonFiles(ProjectFiles.DATADOG_LOG_METRICS).stream()
            .map(LogMetricFile::read)
            .toList();

    /** One definition file: its JSON as written and parsed. */
    private record LogMetricFile(Path path, String json, JsonNode tree) {
        static LogMetricFile read(Path path) {
            String json = ProjectFiles.read(path);
            try {
                return new LogMetricFile(path, json, new ObjectMapper().readTree(json));
            } catch (IOException e) {
                throw new UncheckedIOException(path + " is not JSON", e);
            }
        }

        @Override
        public String toString() {
            return path.getFileName().toString();
        }
    }

    @Test
    void everyDefinitionMatchesTheClientModelStrictly() {
        assertThat(files)
                .allSatisfy(file -> assertThat(StrictModelWalker.problems(file.json(), LogsMetricCreateRequest.class))
                        .as(file.toString())
                        .isEmpty());
    }

    @Test
    void thereIsExactlyOneDefinitionPerCatalogMetricNamedAsTheDashboardsUseIt() {
        List<String> ids = files.stream()
                .map(f -> f.tree().path("data").path("id").asText())
                .toList();
        assertThat(ids)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(MetricName.values())
                        .map(catalog::datadogName)
                        .toList());
        assertThat(files)
                .allSatisfy(f -> assertThat(f.toString())
                        .isEqualTo(f.tree().path("data").path("id").asText() + ".json"));
    }

    @Test
    void eachDefinitionReadsItsEmfMemberAndTagsItsDimension() {
        for (MetricName metric : MetricName.values()) {
            var attributes = files.stream()
                    .filter(f -> f.tree().path("data").path("id").asText().equals(catalog.datadogName(metric)))
                    .findFirst()
                    .orElseThrow()
                    .tree()
                    .path("data")
                    .path("attributes");
            assertThat(attributes.path("compute").path("path").asText()).isEqualTo("@" + metric.metricName());
            assertThat(attributes.path("filter").path("query").asText())
                    .contains("@" + metric.metricName() + ":*")
                    .contains("@" + metric.dimension() + ":*");
            // per consumer: the catalog's tag; per function: the tag Datadog's Lambda integration gives the function
            String tag =
                    metric.dimension().equals(MetricName.CONSUMER_DIMENSION) ? catalog.datadogTag() : "functionname";
            assertThat(attributes.path("group_by")).singleElement().satisfies(groupBy -> {
                assertThat(groupBy.path("path").asText()).isEqualTo("@" + metric.dimension());
                assertThat(groupBy.path("tag_name").asText()).isEqualTo(tag);
            });
        }
    }
}
