package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.replay.Payload;
import java.io.IOException;

/**
 * An archived record as JSON for people and documents: the envelope's fields, {@code data} in base64 (byte-exact)
 * and, for reading, {@code payload} (the parsed JSON) or {@code text} (UTF-8) when the bytes are either.
 */
final class RecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordJson() {
    }

    static void write(JsonGenerator json, String key, ArchivedRecord record) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", key);
        json.writeStringField("consumer", record.consumer());
        json.writeStringField("streamArn", record.streamArn());
        json.writeStringField("shardId", record.shardId());
        json.writeStringField("sequenceNumber", record.sequenceNumber().value());
        if (record.subSequenceNumber() != null) {
            json.writeNumberField("subSequenceNumber", record.subSequenceNumber());
        }
        json.writeStringField("partitionKey", record.partitionKey());
        json.writeStringField("approximateArrivalTimestamp", record.approximateArrivalTimestamp().toString());
        ArchivedRecord.FailureInfo failure = record.failure();
        json.writeObjectFieldStart("failure");
        json.writeStringField("source", failure.source());
        json.writeStringField("condition", failure.condition());
        json.writeStringField("dlqMessageId", failure.dlqMessageId());
        json.writeStringField("dlqTimestamp", failure.dlqTimestamp().toString());
        json.writeStringField("hydratedAt", failure.hydratedAt().toString());
        json.writeEndObject();
        Payload payload = Payload.of(record.data());
        json.writeNumberField("dataBytes", record.data().length);
        json.writeStringField("data", payload.base64());
        if (payload.json().isPresent()) {
            json.writeFieldName("payload");
            MAPPER.writeTree(json, payload.json().get());
        } else if (payload.text().isPresent()) {
            json.writeStringField("text", payload.text().get());
        }
        json.writeEndObject();
    }
}
