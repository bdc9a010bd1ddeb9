package dev.pipesrecovery.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.sandbox.ProducedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * DLQ bodies the hydrate function cannot use (not JSON; no KinesisBatchInfo, e.g. a probe message; a malformed
 * sequence number) next to good ones in the same batch: the good ones are archived, the bad ones are reported as
 * batch item failures and, after the DLQ's maxReceiveCount, sit in the poison queue (where an alarm fires).
 */
class PoisonMessageTest {

    private static final List<String> MALFORMED = List.of(
            "not json at all",
            "{\"context\":{\"partnerResourceArn\":\"arn:aws:pipes:us-east-1:123456789012:pipe/p\"},\"version\":\"1.0\"}",
            "{\"context\":{\"partnerResourceArn\":\"arn:aws:pipes:us-east-1:123456789012:pipe/p\",\"condition\":\"x\"},"
                    + "\"version\":\"1.0\",\"timestamp\":\"2026-11-24T00:00:00.000Z\",\"KinesisBatchInfo\":{"
                    + "\"shardId\":\"shardId-000000000000\",\"startSequenceNumber\":\"12ab\",\"endSequenceNumber\":\"12ab\","
                    + "\"approximateArrivalOfFirstRecord\":\"2026-11-24T00:00:00.000Z\",\"approximateArrivalOfLastRecord\":"
                    + "\"2026-11-24T00:00:00.000Z\",\"batchSize\":1,\"streamArn\":\"arn:aws:kinesis:us-east-1:123456789012:stream/s\"}}");

    @Test
    void malformedBodiesEndInThePoisonQueueWhileTheRestOfTheBatchIsArchived() throws Exception {
        try (Scenario scenario = Scenario.create("poison", 1, 2)) {
            for (String body : MALFORMED) {
                scenario.stack
                        .sqs()
                        .sendMessage(r -> r.queueUrl(scenario.topology.dlqUrl()).messageBody(body));
            }
            List<ProducedEvent> events = scenario.produceAndDeadLetter(5, List.of("a"), 0);

            scenario.hydrateAll(scenario.stack.kinesisEndpoint(), scenario.stack.s3Endpoint(), Duration.ofSeconds(60));

            assertThat(scenario.census().records()).isEqualTo(events.size());
            List<String> poisoned = receiveAll(scenario);
            assertThat(poisoned).containsExactlyInAnyOrderElementsOf(MALFORMED);
            assertThat(scenario.hydrateLog()).contains("KinesisBatchInfo");
        }
    }

    private static List<String> receiveAll(Scenario scenario) {
        return scenario
                .stack
                .sqs()
                .receiveMessage(r -> r.queueUrl(scenario.topology.poisonQueueUrl())
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1))
                .messages()
                .stream()
                .map(Message::body)
                .toList();
    }
}
