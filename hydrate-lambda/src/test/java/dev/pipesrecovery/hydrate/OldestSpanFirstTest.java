package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.dlq.QueueRegistry;
import dev.pipesrecovery.hydrate.aws.AwsCollaborators;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The span whose oldest record has the least retention headroom is read first, whatever the order of the batch:
 * with one span at a time, its messages are hydrated (and logged) before the others.
 */
class OldestSpanFirstTest {

    @Test
    void theShardWithTheOldestRecordIsHydratedFirst() {
        HydrateFixture fixture = new HydrateFixture("oldest-first", 2);
        HydrateFixture.Put onFirst = fixture.put(List.of(record("a")), HydrateFixture.FIRST_SHARD).get(0);
        HydrateFixture.Put onLast = fixture.put(List.of(record("b")), HydrateFixture.LAST_SHARD).get(0);
        Instant now = Instant.now();
        SqsEvents.Message young = message(fixture, onFirst, now.minusSeconds(60));
        SqsEvents.Message old = message(fixture, onLast, now.minusSeconds(6 * 3600));
        CapturedOutput output = new CapturedOutput();
        ExecutorService oneSpanAtATime = Executors.newSingleThreadExecutor();
        try (AwsCollaborators aws = AwsCollaborators.of(fixture.config(Map.of()), HydrateFixture.KINESIS,
                HydrateFixture.S3, QueueRegistry.NONE)) {
            HydrateLog log = new HydrateLog(output.stream(), Clock.systemUTC());
            HydrateBatch batch = new HydrateBatch(new Hydrator(aws.reader(), aws.store(),
                    new KeyLayout(HydrateFixture.PREFIX), Clock.systemUTC(), log),
                    new ConsumerResolver(aws.config().consumerByQueueArn(), QueueRegistry.NONE), oneSpanAtATime,
                    HydrateHandler.DEADLINE, log, new InvocationMetrics(log, Clock.systemUTC()));

            List<MessageOutcome> outcomes = batch.process(List.of(delivery(young), delivery(old)), () -> 600_000);

            assertThat(outcomes).noneMatch(MessageOutcome::retry);
        } finally {
            oneSpanAtATime.shutdownNow();
        }
        assertThat(output.logs("INFO")).extracting(line -> line.path("messageId").asText())
                .containsExactly(old.messageId(), young.messageId());
    }

    private static SqsEvents.Message message(HydrateFixture fixture, HydrateFixture.Put put, Instant arrival) {
        DlqBodies.Batch batch = fixture.batchOf(List.of(put));
        return SqsEvents.Message.of(DlqBodies.pipes("orders-api", new DlqBodies.Batch(batch.streamArn(),
                batch.shardId(), batch.startSequenceNumber(), batch.endSequenceNumber(), arrival, arrival, 1)),
                HydrateFixture.dlqOf("orders-api"));
    }

    private static DlqDelivery delivery(SqsEvents.Message message) {
        return new DlqDelivery(message.messageId(), message.queueArn(), message.body());
    }

    private static HydrateFixture.TestRecord record(String data) {
        return new HydrateFixture.TestRecord("k", data.getBytes(StandardCharsets.UTF_8));
    }
}
