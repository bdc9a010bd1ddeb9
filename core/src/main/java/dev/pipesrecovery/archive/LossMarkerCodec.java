package dev.pipesrecovery.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.internal.json.JsonFieldException;
import dev.pipesrecovery.internal.json.JsonObjectReader;
import dev.pipesrecovery.internal.json.JsonTimestamps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON codec for {@link LossMarker} (version 1), one line, fields in declaration order with {@code version} first;
 * the DLQ body is kept as a string, exactly as received. Readers ignore unknown fields and reject another version.
 */
public final class LossMarkerCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private LossMarkerCodec() {}

    public static byte[] encode(LossMarker marker) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(512 + marker.dlqMessageBody().length());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", LossMarker.CURRENT_VERSION);
            writeWhatWasLost(json, marker);
            json.writeStringField("dlqMessageBody", marker.dlqMessageBody());
            json.writeStringField("detectedAt", JsonTimestamps.format(marker.detectedAt()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the fields that say what was lost and why (consumer, stream, shard, range, counts, reason, DLQ message id)
     * into the object {@code json} is in; the marker file and {@code pipes-replay list --format json} both use it.
     */
    public static void writeWhatWasLost(JsonGenerator json, LossMarker marker) throws IOException {
        json.writeStringField("consumer", marker.consumer());
        json.writeStringField("streamArn", marker.streamArn());
        json.writeStringField("shardId", marker.shardId());
        json.writeStringField("startSequenceNumber", marker.start().value());
        json.writeStringField("endSequenceNumber", marker.end().value());
        json.writeNumberField("expectedCount", marker.expectedCount());
        json.writeNumberField("lostCount", marker.lostCount());
        json.writeStringField("reason", marker.reason());
        json.writeStringField("dlqMessageId", marker.dlqMessageId());
    }

    /** @throws InvalidArchivedRecordException when the bytes are not JSON, miss a field or have an unknown version */
    public static LossMarker decode(byte[] json) throws InvalidArchivedRecordException {
        JsonObjectReader marker =
                new JsonObjectReader(VersionedJson.readObject(json, "loss marker", LossMarker.CURRENT_VERSION), "");
        try {
            return new LossMarker(
                    marker.text("consumer"),
                    marker.text("streamArn"),
                    marker.text("shardId"),
                    marker.sequenceNumber("startSequenceNumber"),
                    marker.sequenceNumber("endSequenceNumber"),
                    marker.integer("expectedCount"),
                    marker.integer("lostCount"),
                    marker.text("reason"),
                    marker.text("dlqMessageId"),
                    marker.string("dlqMessageBody"),
                    marker.timestamp("detectedAt"));
        } catch (JsonFieldException e) {
            throw new InvalidArchivedRecordException("not a readable loss marker: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidArchivedRecordException("not a valid loss marker: " + e.getMessage(), e);
        }
    }
}
