package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.pipesrecovery.hydrate.aws.AwsCollaborators;
import dev.pipesrecovery.testkit.ElasticMq;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The handler driven the way the SQS event source mapping drives it, on a real queue (ElasticMQ): receive a batch,
 * invoke, delete every message not reported in {@code batchItemFailures}. The failures come back after the
 * visibility timeout and, after {@code maxReceiveCount}, SQS moves them to the poison queue; the rest is archived once.
 */
class QueueDrivenTest {

    private static final SqsClient SQS = LocalAws.sqs(Emulators.sqs());

    @Test
    void goodMessagesAreDeletedAndAMalformedOneEndsInThePoisonQueue() {
        HydrateFixture fixture = new HydrateFixture("queue-driven");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String poisonUrl = SQS.createQueue(r -> r.queueName("hydrate-poison-" + suffix)).queueUrl();
        String dlqName = "orders-api-dlq-" + suffix;
        String dlqUrl = SQS.createQueue(r -> r.queueName(dlqName).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + ElasticMq.queueArn("hydrate-poison-"
                        + suffix) + "\",\"maxReceiveCount\":\"2\"}"))).queueUrl();
        String dlqArn = SQS.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        List<HydrateFixture.Put> first = fixture.put(List.of(record("a", "first")));
        List<HydrateFixture.Put> second = fixture.put(List.of(record("b", "second"), record("c", "third")));
        SQS.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(DlqBodies.pipes("orders-api", fixture.batchOf(first))));
        SQS.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(DlqBodies.pipes("orders-api", fixture.batchOf(second))));
        SQS.sendMessage(r -> r.queueUrl(dlqUrl).messageBody("{\"detail-type\":\"not a DLQ record\"}"));
        // The explicit mapping names the consumer of the queue, as the event source ARN says where a message came from.
        HydrateConfig config = fixture.config(Map.of(HydrateConfig.CONSUMER_BY_QUEUE_ARN, dlqArn + "=orders-mapped"));

        List<String> failedIds = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        try (AwsCollaborators aws = AwsCollaborators.of(config, HydrateFixture.KINESIS, HydrateFixture.S3)) {
            HydrateHandler handler = fixture.handler(aws, new CapturedOutput());
            for (int poll = 0; poll < 20 && !queueIsEmpty(dlqUrl); poll++) {
                List<Message> batch = SQS.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(2).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (batch.isEmpty()) {
                    continue;
                }
                SQSBatchResponse response = handler.handleRequest(SqsEvents.event(batch.stream()
                        .map(m -> new SqsEvents.Message(m.messageId(), m.body(), dlqArn, m.attributesAsStrings()))
                        .toList()), TestContext.generous());
                Set<String> failed = new HashSet<>();
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
                failedIds.addAll(failed);
                for (Message message : batch) {
                    handled.add(message.messageId());
                    if (!failed.contains(message.messageId())) {
                        SQS.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
                    }
                }
            }
        }

        assertThat(queueIsEmpty(dlqUrl)).isTrue();
        assertThat(handled).hasSize(3);
        List<Message> poisoned = SQS.receiveMessage(r -> r.queueUrl(poisonUrl).maxNumberOfMessages(10)).messages();
        assertThat(poisoned).extracting(Message::body).containsExactly("{\"detail-type\":\"not a DLQ record\"}");
        // Reported on each of its two receives, and only it.
        assertThat(failedIds).hasSize(2).containsOnly(poisoned.get(0).messageId());
        assertThat(fixture.objects(HydrateFixture.PREFIX + "/orders-mapped/")).hasSize(3);
    }

    private static boolean queueIsEmpty(String queueUrl) {
        Map<QueueAttributeName, String> attributes = SQS.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    private static HydrateFixture.TestRecord record(String partitionKey, String data) {
        return new HydrateFixture.TestRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8));
    }
}
