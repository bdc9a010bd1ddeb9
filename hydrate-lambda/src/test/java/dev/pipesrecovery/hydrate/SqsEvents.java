package dev.pipesrecovery.hydrate;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQS events as the Lambda event source mapping sends them: JSON in the documented shape
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html), turned into {@link SQSEvent} by the same serializer
 * library the Java runtime uses, so tests go through the production deserialization path.
 */
public final class SqsEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvents() {
    }

    /** One message of an event: its id, body and the ARN of the queue it was received from. */
    public record Message(String messageId, String body, String queueArn, Map<String, String> attributes) {

        public static Message of(String body, String queueArn) {
            return new Message(UUID.randomUUID().toString(), body, queueArn, Map.of());
        }
    }

    public static String json(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", "handle-" + message.messageId());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            attributes.put("ApproximateReceiveCount", "1");
            attributes.put("SentTimestamp", Long.toString(System.currentTimeMillis()));
            attributes.put("SenderId", "AROAEXAMPLE:pipe-role-session");
            attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis()));
            message.attributes().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", "00000000000000000000000000000000");
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", message.queueArn());
            record.put("awsRegion", "us-east-1");
        }
        return event.toString();
    }

    public static SQSEvent event(List<Message> messages) {
        return LambdaEventSerializers.serializerFor(SQSEvent.class, SqsEvents.class.getClassLoader())
                .fromJson(json(messages));
    }

    static String responseJson(SQSBatchResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(SQSBatchResponse.class, SqsEvents.class.getClassLoader())
                .toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
