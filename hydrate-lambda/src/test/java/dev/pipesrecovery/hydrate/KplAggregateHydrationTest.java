package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.testkit.SqsEvents;
import dev.pipesrecovery.testkit.kpl.KplAggregator;
import dev.pipesrecovery.testkit.kpl.KplUserRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A KPL aggregate is opened: each user record becomes its own object, under its own partition key. */
class KplAggregateHydrationTest {

    @Test
    void anAggregateOfThreeUserRecordsBecomesThreeObjects() throws Exception {
        HydrateFixture fixture = new HydrateFixture("kpl");
        byte[] aggregate = KplAggregator.aggregate(List.of(
                KplUserRecord.of("user-a", bytes("order a")),
                KplUserRecord.of("user-b", bytes("order b")),
                KplUserRecord.of("user-c", bytes("order c"))));
        List<HydrateFixture.Put> puts = fixture.put(List.of(
                new HydrateFixture.TestRecord("aggregate-key", aggregate),
                new HydrateFixture.TestRecord("plain-key", bytes("a plain record"))));
        String body = DlqBodies.pipes("orders-api", fixture.batchOf(puts));

        HydrateFixture.Run run = fixture.run(List.of(SqsEvents.Message.of(body, HydrateFixture.dlqOf("orders-api"))));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .isEmpty();
        KeyLayout layout = new KeyLayout(HydrateFixture.PREFIX);
        List<S3Object> objects = fixture.objects(HydrateFixture.PREFIX + "/orders-api/");
        assertThat(objects).hasSize(4);
        List<String> seen = new ArrayList<>();
        for (S3Object object : objects) {
            ArchiveKey key = layout.parse(object.key());
            ArchivedRecord archived = ArchivedRecordCodec.decode(fixture.object(object.key()));
            assertThat(key.subSequenceNumber()).isEqualTo(archived.subSequenceNumber());
            assertThat(KeyLayout.decodePartitionKey(key.encodedPartitionKey())).contains(archived.partitionKey());
            seen.add(archived.partitionKey() + "#" + archived.subSequenceNumber() + "="
                    + new String(archived.data(), StandardCharsets.UTF_8) + "@" + archived.sequenceNumber());
        }
        String aggregateSeq = puts.get(0).sequenceNumber();
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "user-a#0=order a@" + aggregateSeq,
                        "user-b#1=order b@" + aggregateSeq,
                        "user-c#2=order c@" + aggregateSeq,
                        "plain-key#null=a plain record@" + puts.get(1).sequenceNumber());
        assertThat(run.output().metrics("orders-api").path("RecordsArchived").asLong())
                .isEqualTo(4);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
