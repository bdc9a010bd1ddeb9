package dev.pipesrecovery.sandbox.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The event a pipe builds from one Kinesis record (awsdocs eb-pipes-kinesis.md): {@code data} is base64, except that
 * for filtering and the {@code InputTemplate} a payload that is valid JSON is exposed parsed
 * (eb-pipes-input-transformation.md).
 */
final class KinesisSourceEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KinesisSourceEvent() {}

    /** The event with {@code data} as base64, as a target without a template receives it. */
    static ObjectNode of(Record record, String shardId, String streamArn, String region, String roleArn) {
        ObjectNode event = JSON.createObjectNode();
        event.put("kinesisSchemaVersion", "1.0");
        event.put("partitionKey", record.partitionKey());
        event.put("sequenceNumber", record.sequenceNumber());
        event.put("data", Base64.getEncoder().encodeToString(record.data().asByteArrayUnsafe()));
        event.put(
                "approximateArrivalTimestamp",
                BigDecimal.valueOf(record.approximateArrivalTimestamp().toEpochMilli())
                        .movePointLeft(3));
        event.put("eventSource", "aws:kinesis");
        event.put("eventVersion", "1.0");
        event.put("eventID", shardId + ":" + record.sequenceNumber());
        event.put("eventName", "aws:kinesis:record");
        event.put("invokeIdentityArn", roleArn);
        event.put("awsRegion", region);
        event.put("eventSourceARN", streamArn);
        return event;
    }

    /** The same event with {@code data} parsed when it is JSON: what {@code <$.data.field>} paths see. */
    static ObjectNode forTransformation(ObjectNode event, Record record) {
        ObjectNode copy = event.deepCopy();
        byte[] bytes = record.data().asByteArrayUnsafe();
        JsonNode parsed = parseOrNull(bytes);
        if (parsed != null) {
            copy.set("data", parsed);
        }
        return copy;
    }

    private static JsonNode parseOrNull(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }
}
