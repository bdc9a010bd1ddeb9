package dev.pipesrecovery.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads an archive object body: one JSON object whose {@code version} this reader knows. */
final class VersionedJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private VersionedJson() {}

    static JsonNode readObject(byte[] json, String what, int knownVersion) throws InvalidArchivedRecordException {
        if (json == null || json.length == 0) {
            throw new InvalidArchivedRecordException(what + " is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidArchivedRecordException(what + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidArchivedRecordException(what + " could not be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidArchivedRecordException(what + " is not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || version.isNull()) {
            throw new InvalidArchivedRecordException(what + " has no version field");
        }
        if (!version.isIntegralNumber() || version.asLong() != knownVersion) {
            throw new InvalidArchivedRecordException(what + " has version " + version + "; this reader knows version "
                    + knownVersion + " only (upgrade pipes-recovery to read it)");
        }
        return root;
    }
}
