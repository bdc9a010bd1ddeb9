package dev.pipesrecovery.replay.target.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.replay.Payload;
import java.math.BigDecimal;

/**
 * The event a pipe with a Kinesis source hands to its target, rebuilt from an archived record: the fields of the
 * Kinesis record event (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-kinesis.html), with
 * {@code data} decoded and parsed when it is JSON, else left in base64, as Pipes does for input templates
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-input-transformation.html).
 */
public final class PipeEvent {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PipeEvent() {}

    /** @param roleArn the pipe's role ({@code invokeIdentityArn}), or null when unknown */
    public static ObjectNode of(ArchivedRecord record, String roleArn) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("eventSource", "aws:kinesis");
        event.put("eventVersion", "1.0");
        event.put("eventID", record.shardId() + ":" + record.sequenceNumber().value());
        event.put("eventName", "aws:kinesis:record");
        if (roleArn != null) {
            event.put("invokeIdentityArn", roleArn);
        }
        event.put("awsRegion", regionOf(record.streamArn()));
        event.put("eventSourceARN", record.streamArn());
        event.put("kinesisSchemaVersion", "1.0");
        event.put("partitionKey", record.partitionKey());
        event.put("sequenceNumber", record.sequenceNumber().value());
        Payload payload = Payload.of(record.data());
        if (payload.json().isPresent()) {
            event.set("data", payload.json().get());
        } else {
            event.put("data", payload.base64());
        }
        event.put(
                "approximateArrivalTimestamp",
                BigDecimal.valueOf(record.approximateArrivalTimestamp().toEpochMilli())
                        .movePointLeft(3));
        return event;
    }

    static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 3 ? parts[3] : "";
    }
}
