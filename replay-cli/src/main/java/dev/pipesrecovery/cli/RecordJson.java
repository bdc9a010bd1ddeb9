package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.replay.Payload;
import java.io.IOException;

/**
 * An archived record as JSON for people and documents: {@code key}, then the whole envelope as core's
 * {@link ArchivedRecordCodec} writes it (so every envelope field, today's and those added later, comes through:
 * {@code version}, {@code data} in base64, a null {@code subSequenceNumber}, {@code failure.batch} ...), then
 * {@code dataBytes} and, for reading, {@code payload} (the parsed JSON) or {@code text} (UTF-8) when the bytes are
 * either.
 */
final class RecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJson() {}

    static void write(JsonGenerator json, String key, ArchivedRecord record) throws IOException {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("key", key);
        line.setAll((ObjectNode) MAPPER.readTree(ArchivedRecordCodec.encode(record)));
        line.put("dataBytes", record.data().length);
        Payload payload = Payload.of(record.data());
        if (payload.json().isPresent()) {
            line.set("payload", payload.json().get());
        } else if (payload.text().isPresent()) {
            line.put("text", payload.text().get());
        }
        MAPPER.writeTree(json, line);
    }
}
