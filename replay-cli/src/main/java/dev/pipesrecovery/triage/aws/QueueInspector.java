package dev.pipesrecovery.triage.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.triage.QueueDepth;
import dev.pipesrecovery.triage.Reading;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue's URL from its ARN ({@code GetQueueUrl}) and its counts and redrive policy ({@code GetQueueAttributes}).
 * Neither receives a message: the counts are free of side effects (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html).
 */
public final class QueueInspector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<QueueAttributeName> ATTRIBUTES = List.of(
            QueueAttributeName.QUEUE_ARN,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
            QueueAttributeName.REDRIVE_POLICY);

    private final SqsClient sqs;
    private final FailureReason reason;

    public QueueInspector(SqsClient sqs, FailureReason reason) {
        this.sqs = sqs;
        this.reason = reason;
    }

    /** The URL of {@code arn:<partition>:sqs:<region>:<account>:<name>}. */
    public Reading<String> urlOf(String queueArn) {
        String[] parts = queueArn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("sqs")) {
            return Reading.unknown("not an SQS queue ARN: " + queueArn + " (triage reads SQS dead-letter queues only)");
        }
        try {
            return Reading.of(sqs.getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
                    .queueUrl());
        } catch (SdkException e) {
            return Reading.unknown(reason.of("sqs:GetQueueUrl", e));
        }
    }

    public Reading<QueueDepth> depth(String url) {
        try {
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                            b -> b.queueUrl(url).attributeNames(ATTRIBUTES))
                    .attributes();
            JsonNode redrive = redrivePolicy(attributes.get(QueueAttributeName.REDRIVE_POLICY));
            return Reading.of(new QueueDepth(
                    url,
                    attributes.get(QueueAttributeName.QUEUE_ARN),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                    redrive.path("deadLetterTargetArn").isTextual()
                            ? redrive.path("deadLetterTargetArn").asText()
                            : null,
                    maxReceiveCount(redrive.path("maxReceiveCount"))));
        } catch (SdkException e) {
            return Reading.unknown(reason.of("sqs:GetQueueAttributes", e));
        }
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A number, or a string of digits as some tools write it. */
    private static Integer maxReceiveCount(JsonNode value) {
        return value.isInt() || (value.isTextual() && value.asText().matches("\\d{1,9}")) ? value.asInt() : null;
    }

    private static JsonNode redrivePolicy(String text) {
        if (text == null || text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
