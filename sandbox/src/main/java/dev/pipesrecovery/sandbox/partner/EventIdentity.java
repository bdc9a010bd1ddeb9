package dev.pipesrecovery.sandbox.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

/**
 * The identity of a sandbox event found in a request body, wherever the pipe's {@code InputTemplate} or the replay
 * put it: the first object (depth first) that has an {@code eventId} field. A {@code data} field holding base64 of
 * JSON (what a pipe sends without a template, for a record that is not JSON to it) is looked into as well.
 *
 * @param keySequence -1 when the body has none
 */
public record EventIdentity(String eventId, String partitionKey, long keySequence) {

    /** The field names the sandbox's producer writes into every event. */
    public static final String EVENT_ID = "eventId";

    public static final String KEY = "key";
    public static final String KEY_SEQUENCE = "keySeq";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 16;

    /** Finds the identity in {@code body}, or returns one with null fields when there is none. */
    public static EventIdentity find(byte[] body) {
        try {
            JsonNode found = search(JSON.readTree(body), 0);
            if (found != null) {
                return new EventIdentity(
                        found.get(EVENT_ID).asText(),
                        found.hasNonNull(KEY) ? found.get(KEY).asText() : null,
                        found.hasNonNull(KEY_SEQUENCE) ? found.get(KEY_SEQUENCE).asLong(-1) : -1);
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: an unidentified delivery, counted as such by the verification
        }
        return new EventIdentity(null, null, -1);
    }

    private static JsonNode search(JsonNode node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return null;
        }
        if (node.isObject() && node.hasNonNull(EVENT_ID) && node.get(EVENT_ID).isValueNode()) {
            return node;
        }
        if (node.isTextual() && depth > 0) {
            return searchBase64(node.asText(), depth);
        }
        for (JsonNode child : node) {
            JsonNode found = search(child, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode searchBase64(String text, int depth) {
        if (text.length() < 8 || text.length() > 4_000_000) {
            return null;
        }
        try {
            return search(JSON.readTree(Base64.getDecoder().decode(text)), depth + 1);
        } catch (IOException | IllegalArgumentException notBase64Json) {
            return null;
        }
    }
}
