package dev.pipesrecovery.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.testkit.AlarmIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** One monitor file of {@code datadog/monitors/}: its JSON as written and the runbook id its message links to. */
record DatadogMonitorFile(Path path, String json, JsonNode tree) {

    static List<DatadogMonitorFile> all() {
        return ProjectFiles.jsonFiles(ProjectFiles.DATADOG_MONITORS).stream()
                .map(DatadogMonitorFile::read)
                .toList();
    }

    static DatadogMonitorFile read(Path path) {
        String json = ProjectFiles.read(path);
        try {
            return new DatadogMonitorFile(path, json, new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is not JSON", e);
        }
    }

    String query() {
        return tree.path("query").asText();
    }

    String message() {
        return tree.path("message").asText();
    }

    /** The id of the runbook section the message ends with, or "" when it does not end with the link. */
    String runbookId() {
        return AlarmIds.runbookLink(message()).orElse("");
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
