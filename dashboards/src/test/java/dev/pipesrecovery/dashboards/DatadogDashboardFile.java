package dev.pipesrecovery.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code datadog/dashboard.json} and the metric queries of its widgets, nested groups included. */
final class DatadogDashboardFile {
    private DatadogDashboardFile() {}

    static JsonNode tree() throws IOException {
        return parse(ProjectFiles.read(ProjectFiles.DATADOG_DASHBOARD));
    }

    static JsonNode parse(String json) throws IOException {
        return new ObjectMapper().readTree(json);
    }

    /** Every {@code query} string below a {@code queries} array, in any widget at any depth. */
    static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        collect(dashboard, queries);
        return queries;
    }

    private static void collect(JsonNode node, List<String> queries) {
        if (node.isObject()) {
            if (node.path("data_source").asText().equals("metrics") && node.has("query")) {
                queries.add(node.path("query").asText());
            }
            node.forEach(child -> collect(child, queries));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, queries));
        }
    }
}
