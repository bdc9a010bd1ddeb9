package dev.pipesrecovery.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Reads required fields of a JSON object (Jackson tree), throwing {@link JsonFieldException} with the JSON path of
 * the first problem. The one field reader of the project's JSON contracts (DLQ messages, archived records, markers).
 */
public final class JsonObjectReader {

    private final JsonNode object;
    private final String path;

    public JsonObjectReader(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    public String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Present and not JSON {@code null}. */
    public boolean has(String name) {
        return object.hasNonNull(name);
    }

    public JsonObjectReader object(String name) {
        JsonNode node = required(name);
        if (!node.isObject()) {
            throw problem(name, "is not a JSON object (found " + node.getNodeType() + ")");
        }
        return new JsonObjectReader(node, field(name));
    }

    /** A non-blank string. */
    public String text(String name) {
        String text = string(name);
        if (text.isBlank()) {
            throw problem(name, "is blank");
        }
        return text;
    }

    /** A string, possibly empty. */
    public String string(String name) {
        JsonNode node = required(name);
        if (!node.isTextual()) {
            throw problem(name, "is not a string (found " + node.getNodeType() + ")");
        }
        return node.asText();
    }

    /** ISO-8601 with {@code Z} or an offset ({@code 2019-11-14T00:38:06.021Z}). */
    public Instant timestamp(String name) {
        String text = text(name);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw problem(name, "is not an ISO-8601 timestamp: '" + text + "'");
        }
    }

    /** A decimal string (Kinesis sequence numbers have up to ~56 digits: never a JSON number). */
    public SequenceNumber sequenceNumber(String name) {
        String text = text(name);
        try {
            return SequenceNumber.of(text);
        } catch (IllegalArgumentException e) {
            throw problem(name, "is not a decimal sequence number: '" + text + "'");
        }
    }

    public int integer(String name) {
        JsonNode node = required(name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw problem(name, "is not an integer (found " + node + ")");
        }
        return node.intValue();
    }

    /** A whole number, or {@code null} when absent or JSON {@code null}. */
    public Long optionalLong(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw problem(name, "is not a whole number (found " + node + ")");
        }
        return node.longValue();
    }

    /** Standard base64 with padding (RFC 4648 §4), the exact bytes. */
    public byte[] base64(String name) {
        String text = string(name);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw problem(name, "is not base64 (" + e.getMessage() + ")");
        }
    }

    public JsonFieldException problem(String name, String problem) {
        return new JsonFieldException(field(name), problem);
    }

    private JsonNode required(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw problem(name, "is missing");
        }
        return node;
    }
}
