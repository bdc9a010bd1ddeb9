package dev.pipesrecovery.testkit;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@link SQSEvent} Lambda's SQS event source mapping passes a function: JSON in the documented shape
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html), turned into {@link SQSEvent} by the serializer library
 * the Java runtime itself uses, so that tests and the sandbox's local event source mapping go through the production
 * deserialization path. Messages carry no message attributes: pipes and Lambda write their DLQ messages without.
 */
public final class SqsEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<SQSEvent> EVENTS =
            LambdaEventSerializers.serializerFor(SQSEvent.class, SqsEvents.class.getClassLoader());

    private SqsEvents() {}

    /** One message of an event and the ARN of the queue it was received from (the event's {@code eventSourceARN}). */
    public record Message(
            String messageId, String receiptHandle, String body, String queueArn, Map<String, String> attributes) {

        public Message {
            attributes = Map.copyOf(attributes);
        }

        /** A message as if just received once: a fresh id, the system attributes of a first receive. */
        public static Message of(String body, String queueArn) {
            String id = UUID.randomUUID().toString();
            String now = Long.toString(System.currentTimeMillis());
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", now);
            attributes.put("SenderId", "AROAEXAMPLE:pipe-role-session");
            attributes.put("ApproximateFirstReceiveTimestamp", now);
            return new Message(id, "handle-" + id, body, queueArn, attributes);
        }

        /** A message as ReceiveMessage returned it (ask for all system attributes to have them in the event). */
        public static Message received(software.amazon.awssdk.services.sqs.model.Message message, String queueArn) {
            return new Message(
                    message.messageId(),
                    message.receiptHandle(),
                    message.body(),
                    queueArn,
                    message.attributesAsStrings());
        }
    }

    public static String json(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributes().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", md5Hex(message.body()));
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", message.queueArn());
            record.put("awsRegion", region(message.queueArn()));
        }
        return event.toString();
    }

    public static SQSEvent event(List<Message> messages) {
        return EVENTS.fromJson(json(messages));
    }

    /** {@code arn:<partition>:sqs:<region>:<account>:<name>} → the region, as the mapping reports it. */
    private static String region(String queueArn) {
        String[] parts = queueArn == null ? new String[0] : queueArn.split(":", 6);
        return parts.length == 6 ? parts[3] : null;
    }

    private static String md5Hex(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
