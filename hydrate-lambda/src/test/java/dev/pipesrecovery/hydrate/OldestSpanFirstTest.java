package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The span whose oldest record has the least retention headroom is read first, whatever the order of the batch:
 * with one span at a time, its messages are hydrated (and logged) before the others.
 */
class OldestSpanFirstTest {

    @Test
    void theShardWithTheOldestRecordIsHydratedFirst() {
        HydrateFixture fixture = new HydrateFixture("oldest-first", 2);
        HydrateFixture.Put onFirst =
                fixture.put(List.of(record("a")), HydrateFixture.FIRST_SHARD).get(0);
        HydrateFixture.Put onLast =
                fixture.put(List.of(record("b")), HydrateFixture.LAST_SHARD).get(0);
        Instant now = Instant.now();
        SqsEvents.Message young = message(fixture, onFirst, now.minusSeconds(60));
        SqsEvents.Message old = message(fixture, onLast, now.minusSeconds(6 * 3600));

        HydrateFixture.Run run = fixture.run(fixture.wiring().spanConcurrency(1), List.of(young, old));

        assertThat(run.failedMessageIds()).isEmpty();
        assertThat(run.output().logs("INFO"))
                .extracting(line -> line.path("messageId").asText())
                .containsExactly(old.messageId(), young.messageId());
    }

    private static SqsEvents.Message message(HydrateFixture fixture, HydrateFixture.Put put, Instant arrival) {
        DlqBodies.Batch batch = fixture.batchOf(List.of(put));
        return SqsEvents.Message.of(
                DlqBodies.pipes(
                        "orders-api",
                        new DlqBodies.Batch(
                                batch.streamArn(),
                                batch.shardId(),
                                batch.startSequenceNumber(),
                                batch.endSequenceNumber(),
                                arrival,
                                arrival,
                                1)),
                HydrateFixture.dlqOf("orders-api"));
    }

    private static HydrateFixture.TestRecord record(String data) {
        return new HydrateFixture.TestRecord("k", data.getBytes(StandardCharsets.UTF_8));
    }
}
