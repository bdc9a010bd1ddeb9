package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** Events as the runtime's own deserializer reads them, from messages as SQS returned them. */
class SqsEventsTest {

    private static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:orders-api-dlq";

    @Test
    void aReceivedMessageKeepsWhatSqsSaidAndNamesItsQueue() {
        Message received = Message.builder()
                .messageId("m-1")
                .receiptHandle("rh-1")
                .body("{\"a\":\"é\"}")
                .attributesWithStrings(Map.of("ApproximateReceiveCount", "3"))
                .build();

        SQSEvent event = SqsEvents.event(List.of(SqsEvents.Message.received(received, QUEUE)));

        SQSEvent.SQSMessage message = event.getRecords().get(0);
        assertThat(message.getMessageId()).isEqualTo("m-1");
        assertThat(message.getReceiptHandle()).isEqualTo("rh-1");
        assertThat(message.getBody()).isEqualTo("{\"a\":\"é\"}");
        assertThat(message.getAttributes()).containsExactlyEntriesOf(Map.of("ApproximateReceiveCount", "3"));
        assertThat(message.getEventSourceArn()).isEqualTo(QUEUE);
        assertThat(message.getEventSource()).isEqualTo("aws:sqs");
        assertThat(message.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(message.getMd5OfBody()).isEqualTo("110df10b56b83299182f70164879d203"); // of the UTF-8 body
    }

    @Test
    void aFreshMessageIsAFirstReceive() {
        SQSEvent event =
                SqsEvents.event(List.of(SqsEvents.Message.of("body", QUEUE), SqsEvents.Message.of("b", QUEUE)));

        assertThat(event.getRecords()).hasSize(2).allSatisfy(m -> {
            assertThat(m.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
            assertThat(m.getReceiptHandle()).isEqualTo("handle-" + m.getMessageId());
        });
        assertThat(event.getRecords().get(0).getMessageId())
                .isNotEqualTo(event.getRecords().get(1).getMessageId());
    }
}
