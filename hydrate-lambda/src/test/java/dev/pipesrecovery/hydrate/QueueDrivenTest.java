package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.pipesrecovery.dlq.sqs.SqsQueueTags;
import dev.pipesrecovery.testkit.ElasticMq;
import dev.pipesrecovery.testkit.SqsEvents;
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
 * The handler driven the way the SQS event source mapping drives it, on a real queue (ElasticMQ) that is registered
 * to its consumer the way a pipe stack registers its DLQ (tags, read by the production registry): receive a batch,
 * invoke, delete every message not reported in {@code batchItemFailures}. Good messages are archived once under the
 * queue's consumer; a malformed body and bodies naming another pipe or another stream are reported on each receive
 * until SQS moves them to the poison queue, and nothing is read or written for them.
 */
class QueueDrivenTest {

    private static final SqsClient SQS = HydrateFixture.SQS;

    @Test
    void theQueueDecidesTheConsumerAndForeignBodiesEndInThePoisonQueue() {
        HydrateFixture fixture = new HydrateFixture("queue-driven");
        HydrateFixture other = new HydrateFixture("queue-driven-other");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String poisonUrl =
                SQS.createQueue(r -> r.queueName("hydrate-poison-" + suffix)).queueUrl();
        String dlqUrl = SQS.createQueue(r -> r.queueName("orders-api-dlq-" + suffix)
                        .tags(Map.of(
                                SqsQueueTags.CONSUMER_TAG, "orders-api", SqsQueueTags.STREAM_TAG, fixture.streamArn))
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "1",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + ElasticMq.queueArn("hydrate-poison-" + suffix)
                                        + "\",\"maxReceiveCount\":\"2\"}")))
                .queueUrl();
        String dlqArn = SQS.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        List<HydrateFixture.Put> first = fixture.put(List.of(record("a", "first")));
        List<HydrateFixture.Put> second = fixture.put(List.of(record("b", "second"), record("c", "third")));
        List<HydrateFixture.Put> elsewhere = other.put(List.of(record("d", "another pipe's stream")));
        List<String> poison = List.of(
                "{\"detail-type\":\"not a DLQ record\"}",
                DlqBodies.pipes("billing-api", fixture.batchOf(first)), // names another pipe
                DlqBodies.pipes("orders-api", other.batchOf(elsewhere))); // names a stream the pipe does not read
        SQS.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(DlqBodies.pipes("orders-api", fixture.batchOf(first))));
        SQS.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(DlqBodies.pipes("orders-api", fixture.batchOf(second))));
        poison.forEach(body -> SQS.sendMessage(r -> r.queueUrl(dlqUrl).messageBody(body)));

        List<String> failedIds = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        CapturedOutput output = new CapturedOutput();
        try (HydrateWiring function = fixture.wiring().output(output.stream()).build()) {
            HydrateHandler handler = new HydrateHandler(function.batch());
            for (int poll = 0; poll < 20 && !queueIsEmpty(dlqUrl); poll++) {
                List<Message> batch = SQS.receiveMessage(r -> r.queueUrl(dlqUrl)
                                .maxNumberOfMessages(10)
                                .waitTimeSeconds(2)
                                .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages();
                if (batch.isEmpty()) {
                    continue;
                }
                SQSBatchResponse response = handler.handleRequest(
                        SqsEvents.event(batch.stream()
                                .map(m -> SqsEvents.Message.received(m, dlqArn))
                                .toList()),
                        TestContext.generous());
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
        assertThat(handled).hasSize(5);
        List<Message> poisoned = SQS.receiveMessage(r -> r.queueUrl(poisonUrl).maxNumberOfMessages(10))
                .messages();
        assertThat(poisoned).extracting(Message::body).containsExactlyInAnyOrderElementsOf(poison);
        // reported on each of their two receives, and only they
        assertThat(failedIds)
                .hasSize(6)
                .containsOnlyElementsOf(
                        poisoned.stream().map(Message::messageId).toList());
        assertThat(fixture.objects(HydrateFixture.PREFIX + "/"))
                .extracting(o -> o.key())
                .hasSize(3)
                .allMatch(key -> key.startsWith(HydrateFixture.PREFIX + "/orders-api/"));
        assertThat(other.objects(""))
                .as("another pipe's stream is never read into anyone's archive")
                .isEmpty();
        assertThat(output.logs("ERROR"))
                .extracting(log -> log.path("error").asText())
                .anyMatch(error ->
                        error.contains("poison: the body names arn:aws:pipes:us-east-1:123456789012:pipe/billing-api"))
                .anyMatch(error -> error.contains("poison: the body names stream " + other.streamArn));
    }

    @Test
    void aQueueRegisteredToNoConsumerIsRetriedNotGuessedFromTheBody() {
        HydrateFixture fixture = new HydrateFixture("queue-unregistered");
        List<HydrateFixture.Put> puts = fixture.put(List.of(record("a", "x")));
        String unregistered = HydrateFixture.queueArn(
                "nobody-registered-" + UUID.randomUUID().toString().substring(0, 8));
        SqsEvents.Message message =
                SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(puts)), unregistered);

        HydrateFixture.Run run = fixture.run(List.of(message));

        assertThat(run.failedMessageIds()).containsExactly(message.messageId());
        assertThat(run.output().logs("ERROR").get(0).path("error").asText()).contains("registered to no consumer");
        assertThat(run.output().metrics("unknown").path("HydrateFailures").asLong())
                .isEqualTo(1);
        assertThat(fixture.objects("")).isEmpty();
    }

    private static boolean queueIsEmpty(String queueUrl) {
        Map<QueueAttributeName, String> attributes = SQS.getQueueAttributes(r -> r.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return attributes.values().stream().allMatch("0"::equals);
    }

    private static HydrateFixture.TestRecord record(String partitionKey, String data) {
        return new HydrateFixture.TestRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8));
    }
}
