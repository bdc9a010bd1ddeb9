package dev.pipesrecovery.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads required fields of a JSON object, reporting problems by JSON path. */
final class JsonFields {

    private final JsonNode object;
    private final String path;

    JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return object.hasNonNull(name);
    }

    JsonFields object(String name) throws MalformedDlqMessageException {
        JsonNode node = required(name);
        if (!node.isObject()) {
            throw new MalformedDlqMessageException(field(name), "is not a JSON object (found " + node.getNodeType() + ")");
        }
        return new JsonFields(node, field(name));
    }

    String text(String name) throws MalformedDlqMessageException {
        JsonNode node = required(name);
        if (!node.isTextual()) {
            throw new MalformedDlqMessageException(field(name), "is not a string (found " + node.getNodeType() + ")");
        }
        if (node.asText().isBlank()) {
            throw new MalformedDlqMessageException(field(name), "is blank");
        }
        return node.asText();
    }

    /** ISO-8601 with an offset or {@code Z}, as the services write it ({@code 2019-11-14T00:38:06.021Z}). */
    Instant timestamp(String name) throws MalformedDlqMessageException {
        String text = text(name);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedDlqMessageException(field(name), "is not an ISO-8601 timestamp: '" + text + "'");
        }
    }

    /** A decimal string (compared as BigInteger: Kinesis sequence numbers have up to ~56 digits). */
    SequenceNumber sequenceNumber(String name) throws MalformedDlqMessageException {
        String text = text(name);
        try {
            return SequenceNumber.of(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedDlqMessageException(field(name), "is not a decimal sequence number: '" + text + "'");
        }
    }

    int positiveInt(String name) throws MalformedDlqMessageException {
        JsonNode node = required(name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new MalformedDlqMessageException(field(name), "is not an integer (found " + node + ")");
        }
        if (node.intValue() < 1) {
            throw new MalformedDlqMessageException(field(name), "must be >= 1, was " + node.intValue());
        }
        return node.intValue();
    }

    private JsonNode required(String name) throws MalformedDlqMessageException {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw new MalformedDlqMessageException(field(name), "is missing");
        }
        return node;
    }
}
