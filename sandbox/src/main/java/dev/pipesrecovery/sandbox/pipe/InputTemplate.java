package dev.pipesrecovery.sandbox.pipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * The pipe's {@code InputTemplate} (awsdocs eb-pipes-input-transformation.md), the subset the stand-in needs:
 * {@code <$.a.b>} JSON paths into the event and the reserved {@code <aws.pipes.*>} variables. Inside a JSON string
 * a value is inserted as text; outside, as JSON (a string keeps its quotes, an object is inserted whole), so
 * {@code {"data": <$.data>}} carries a JSON payload as an object. A path that does not resolve inserts {@code null}
 * (an empty string inside quotes). An empty template sends the event as it is.
 */
public final class InputTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String template;

    public InputTemplate(String template) {
        this.template = template == null ? "" : template;
    }

    public boolean isEmpty() {
        return template.isBlank();
    }

    /**
     * @param event    the source event, with {@code data} parsed when it is JSON
     * @param reserved {@code aws.pipes.pipe-arn} and the other reserved variables, without angle brackets
     */
    public String render(JsonNode event, Map<String, String> reserved) {
        if (isEmpty()) {
            return write(event);
        }
        StringBuilder out = new StringBuilder(template.length() * 2);
        boolean inString = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '<' ? template.indexOf('>', i) : -1;
            String name = end > i ? template.substring(i + 1, end) : null;
            if (name != null && (name.startsWith("$") || name.startsWith("aws.pipes."))) {
                JsonNode value = name.startsWith("$") ? resolve(event, name) : reservedValue(name, event, reserved);
                out.append(inString ? insideString(value) : write(value));
                i = end + 1;
                continue;
            }
            if (c == '"' && !escaped(out)) {
                inString = !inString;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static JsonNode reservedValue(String name, JsonNode event, Map<String, String> reserved) {
        return switch (name) {
            case "aws.pipes.event.json" -> event;
            case "aws.pipes.event" -> TextNode.valueOf(write(event));
            default -> reserved.containsKey(name) ? TextNode.valueOf(reserved.get(name)) : null;
        };
    }

    static JsonNode resolve(JsonNode event, String path) {
        if (path.equals("$")) {
            return event;
        }
        if (!path.startsWith("$.")) {
            return null;
        }
        JsonNode node = event;
        for (String part : path.substring(2).split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static String insideString(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isTextual() ? value.asText() : write(value);
        String quoted = write(TextNode.valueOf(text));
        return quoted.substring(1, quoted.length() - 1);
    }

    private static boolean escaped(StringBuilder out) {
        int backslashes = 0;
        for (int j = out.length() - 1; j >= 0 && out.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String write(JsonNode value) {
        if (value == null) {
            return "null";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
