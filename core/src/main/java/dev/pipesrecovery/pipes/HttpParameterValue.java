package dev.pipesrecovery.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A value of a pipe's {@code HttpParameters} (a header or query string parameter): a literal, or a {@code $.} JSON
 * path into the event the pipe built, resolved per event
 * (https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeTargetHttpParameters.html). Paths are
 * read as {@link InputTemplate} reads them.
 */
public final class HttpParameterValue {

    private HttpParameterValue() {}

    /** Whether {@code value} is a JSON path (resolved per event) rather than a literal. */
    public static boolean isPath(String value) {
        return value.startsWith("$.");
    }

    /**
     * The literal, or the text at the path (a JSON string without its quotes, anything else as JSON); empty when
     * the path leads nowhere or to a JSON {@code null}.
     */
    public static Optional<String> resolve(String value, JsonNode event) {
        if (!isPath(value)) {
            return Optional.of(value);
        }
        JsonNode node = event == null ? null : InputTemplate.path(event, value);
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isTextual() ? node.textValue() : node.toString());
    }
}
