package dev.pipesrecovery.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A record's payload bytes, seen as JSON, as UTF-8 text, or as opaque binary (shown in base64). */
public final class Payload {

    /** Strict: a document followed by anything but whitespace is text, not JSON. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public enum Kind {
        JSON,
        TEXT,
        BINARY
    }

    private final byte[] bytes;
    private final Kind kind;
    private final JsonNode json;
    private final String text;

    private Payload(byte[] bytes) {
        this.bytes = bytes;
        this.text = utf8(bytes).orElse(null);
        this.json = text == null ? null : parseJson(text);
        this.kind = json != null ? Kind.JSON : text != null ? Kind.TEXT : Kind.BINARY;
    }

    /** Does not copy {@code bytes}. */
    public static Payload of(byte[] bytes) {
        return new Payload(bytes);
    }

    public Kind kind() {
        return kind;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The parsed JSON, when the payload is a JSON document. */
    public Optional<JsonNode> json() {
        return Optional.ofNullable(json);
    }

    /** The UTF-8 text, when the bytes are valid UTF-8. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** For people: pretty JSON, else the text, else {@code base64:...}. */
    public String display() {
        return switch (kind) {
            case JSON -> pretty(json);
            case TEXT -> text;
            case BINARY -> "base64:" + base64();
        };
    }

    private static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static JsonNode parseJson(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || (trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[' && trimmed.charAt(0) != '"')) {
            return null; // bare numbers/literals are text for a person; only documents count as JSON here
        }
        try {
            return MAPPER.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
