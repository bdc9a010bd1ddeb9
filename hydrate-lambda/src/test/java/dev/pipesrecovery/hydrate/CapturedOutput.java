package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the function wrote to stdout: JSON log lines and EMF metric lines, every line a JSON object. */
final class CapturedOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream stream() {
        return stream;
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Every line, parsed; fails the test if one is not a JSON object. */
    List<JsonNode> lines() {
        return text().lines()
                .filter(line -> !line.isBlank())
                .map(CapturedOutput::parse)
                .toList();
    }

    List<JsonNode> logs() {
        return lines().stream().filter(line -> !line.has("_aws")).toList();
    }

    List<JsonNode> logs(String level) {
        return logs().stream()
                .filter(line -> level.equals(line.path("level").asText()))
                .toList();
    }

    List<JsonNode> logsFor(String messageId) {
        return logs().stream()
                .filter(line -> messageId.equals(line.path("messageId").asText()))
                .toList();
    }

    /** The one EMF line of {@code consumer} (one per consumer per invocation). */
    JsonNode metrics(String consumer) {
        List<JsonNode> emf = lines().stream()
                .filter(line -> line.has("_aws")
                        && consumer.equals(line.path("Consumer").asText()))
                .toList();
        assertThat(emf)
                .as("EMF lines for consumer %s in:%n%s", consumer, text())
                .hasSize(1);
        return emf.get(0);
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object per line: %s", line).isTrue();
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
