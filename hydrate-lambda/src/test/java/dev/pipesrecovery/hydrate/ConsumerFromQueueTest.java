package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consumer comes from the queue a message came from, not from its body (issue 10 item 13). Before the fix this
 * message was archived under billing-api and deleted.
 */
class ConsumerFromQueueTest {

    @Test
    void aBodyNamingAnotherPipeIsPoisonNotArchivedUnderThatPipe() {
        HydrateFixture fixture = new HydrateFixture("foreign-body");
        List<HydrateFixture.Put> puts =
                fixture.put(List.of(new HydrateFixture.TestRecord("k", "x".getBytes(StandardCharsets.UTF_8))));
        // arrives on orders-api's DLQ but names pipe billing-api
        SqsEvents.Message message = SqsEvents.Message.of(
                DlqBodies.pipes("billing-api", fixture.batchOf(puts)), HydrateFixture.dlqOf("orders-api"));

        HydrateFixture.Run run = fixture.run(List.of(message));

        assertThat(run.failedMessageIds()).containsExactly(message.messageId());
        assertThat(fixture.objects(HydrateFixture.PREFIX + "/billing-api/")).isEmpty();
    }
}
