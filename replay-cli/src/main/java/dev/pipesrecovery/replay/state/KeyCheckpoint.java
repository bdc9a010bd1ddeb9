package dev.pipesrecovery.replay.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * A partition key's (or key chunk's) progress in one run, as {@code _runs/<runId>/keys/<key>[~<chunk>].json} holds
 * it: the last archive key delivered (a key's records go in archive-key order, so everything up to it is done), how
 * many were delivered, and where the key stands. Readers ignore unknown fields.
 *
 * @param encodedPartitionKey the archive layout's encoding of the key (what the checkpoint's S3 key is named after)
 * @param chunk               the chunk of a hot key a plan split, or null for the whole key
 * @param lastDelivered       the archive key of the last delivered record, or null before the first
 * @param error               why the key stopped (FAILED or BLOCKED), or null
 */
public record KeyCheckpoint(
        String consumer,
        String encodedPartitionKey,
        Integer chunk,
        String lastDelivered,
        long delivered,
        Status status,
        String error,
        Instant updatedAt) {

    /** RUNNING: in progress; DONE: every record delivered; FAILED: a record failed for good (the rest held back);
     *  BLOCKED: held back behind an undelivered earlier record (or another writer advanced the key). */
    public enum Status {
        RUNNING,
        DONE,
        FAILED,
        BLOCKED
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public KeyCheckpoint {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(encodedPartitionKey, "encodedPartitionKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (delivered < 0) {
            throw new IllegalArgumentException("delivered must be >= 0, was " + delivered);
        }
    }

    public byte[] toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("consumer", consumer);
        node.put("key", encodedPartitionKey);
        if (chunk == null) {
            node.putNull("chunk");
        } else {
            node.put("chunk", chunk);
        }
        node.put("lastDelivered", lastDelivered);
        node.put("delivered", delivered);
        node.put("status", status.name());
        node.put("error", error);
        node.put("updatedAt", updatedAt.toString());
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a checkpoint", e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not a checkpoint (named field missing or malformed) */
    public static KeyCheckpoint fromJson(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return new KeyCheckpoint(
                    text(node, "consumer"),
                    text(node, "key"),
                    node.path("chunk").isNumber() ? node.path("chunk").asInt() : null,
                    node.path("lastDelivered").isTextual()
                            ? node.path("lastDelivered").asText()
                            : null,
                    node.path("delivered").asLong(),
                    Status.valueOf(text(node, "status")),
                    node.path("error").isTextual() ? node.path("error").asText() : null,
                    Instant.parse(text(node, "updatedAt")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a key checkpoint: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a string");
        }
        return value.asText();
    }
}
