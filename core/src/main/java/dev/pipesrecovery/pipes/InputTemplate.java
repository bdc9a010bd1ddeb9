package dev.pipesrecovery.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pipe's {@code InputTemplate} applied the way Pipes does
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html): {@code <$.path>}
 * takes a value from the event, {@code <aws.pipes.*>} a reserved variable. A string value is inserted without its
 * quotes (the template puts quotes around it), escaped when it sits inside a JSON string; objects, arrays, numbers
 * and booleans are inserted as JSON. Supported paths: dot notation, dashes, underscores, array indices.
 */
public final class InputTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("<(\\$[^<>\\s]*|aws\\.pipes\\.[a-z.\\-]+)>");
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final String template;

    public InputTemplate(String template) {
        this.template = Objects.requireNonNull(template, "template");
    }

    /** @param variables the reserved variables ({@code aws.pipes.pipe-arn} ...) */
    public String render(JsonNode event, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(template, last, matcher.start());
            boolean inString = insideJsonString(template, matcher.start());
            out.append(valueText(resolve(matcher.group(1), event, variables), inString));
            last = matcher.end();
        }
        return out.append(template.substring(last)).toString();
    }

    private static JsonNode resolve(String name, JsonNode event, Map<String, String> variables) {
        if (name.equals("aws.pipes.event.json")) {
            return event;
        }
        if (name.equals("aws.pipes.event")) {
            return TextNode.valueOf(event.toString());
        }
        if (name.startsWith("aws.pipes.")) {
            String value = variables.get(name);
            return value == null ? null : TextNode.valueOf(value);
        }
        return path(event, name);
    }

    /** {@code $}, {@code $.a.b}, {@code $.a[0].b}; null when absent. */
    static JsonNode path(JsonNode root, String path) {
        JsonNode node = root;
        Matcher segment = SEGMENT.matcher(path.substring(1));
        while (node != null && segment.find()) {
            node = segment.group(1) != null ? node.get(segment.group(1)) : node.get(Integer.parseInt(segment.group(2)));
        }
        return node;
    }

    private static String valueText(JsonNode value, boolean inString) {
        if (value == null || value.isMissingNode()) {
            return inString ? "" : "null";
        }
        if (value.isTextual()) {
            return inString ? escape(value.textValue()) : value.textValue();
        }
        return inString ? escape(value.toString()) : value.toString();
    }

    private static String escape(String text) {
        String quoted = JsonNodeFactory.instance.textNode(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    /** Whether {@code position} is inside a double-quoted string of the template (JSON escapes honoured). */
    private static boolean insideJsonString(String text, int position) {
        boolean inString = false;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return inString;
    }
}
