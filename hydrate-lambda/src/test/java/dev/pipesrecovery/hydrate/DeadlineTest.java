package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Close to the Lambda deadline no message starts: they go back to the queue instead of being cut off mid-way. */
class DeadlineTest {

    @Test
    void messagesAreNotStartedWhenTooLittleTimeIsLeft() {
        HydrateFixture fixture = new HydrateFixture("deadline");
        List<HydrateFixture.Put> puts =
                fixture.put(List.of(new HydrateFixture.TestRecord("pk", "x".getBytes(StandardCharsets.UTF_8))));
        String dlq = HydrateFixture.dlqOf("orders-api");
        SqsEvents.Message one = SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(puts)), dlq);
        SqsEvents.Message two = SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(puts)), dlq);
        CapturedOutput output = new CapturedOutput();
        SQSBatchResponse response;
        try (HydrateWiring function = fixture.wiring().output(output.stream()).build()) {
            // 5 s left, and HydrateWiring.DEADLINE starts nothing with less than 20 s left.
            response = new HydrateHandler(function.batch())
                    .handleRequest(SqsEvents.event(List.of(one, two)), TestContext.withTimeout(5_000));
        }

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder(one.messageId(), two.messageId());
        assertThat(fixture.objects("")).isEmpty();
        assertThat(output.logs("WARN"))
                .hasSize(2)
                .allSatisfy(log -> assertThat(log.path("message").asText()).contains("deadline"));
        assertThat(output.metrics("orders-api").path("HydrateFailures").asLong())
                .isEqualTo(2);
    }
}
