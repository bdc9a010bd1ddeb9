package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Partition keys that are hard to put in an S3 key, end to end: every key fits, parses back and names its record. */
class PartitionKeyHydrationTest {

    /** 256 UTF-16 units is the most kinesis-local takes (real Kinesis: 256 characters); 128 four-byte emoji. */
    private static final String EMOJI_256_UNITS = "\uD83D\uDE80".repeat(128);

    private static final List<String> KEYS = List.of(
            "customer/42/orders",
            "with space",
            "100%",
            "%2F-already-encoded",
            "tilde~and+plus",
            "\uD83D\uDE80 rocket",
            "Zürich-東京-Ελλάδα",
            ".",
            "..",
            "../../etc/passwd",
            "a".repeat(256),
            EMOJI_256_UNITS,
            "é".repeat(256));

    @Test
    void everyKeyFitsParsesBackAndTheEnvelopeHoldsTheOriginal() throws Exception {
        HydrateFixture fixture = new HydrateFixture("partition-keys");
        List<HydrateFixture.TestRecord> records = new ArrayList<>();
        for (String key : KEYS) {
            records.add(new HydrateFixture.TestRecord(key, ("payload of " + key).getBytes(StandardCharsets.UTF_8)));
        }
        List<HydrateFixture.Put> puts = fixture.put(records);
        String body = DlqBodies.lambdaEsm("keys-consumer", fixture.batchOf(puts));

        HydrateFixture.Run run =
                fixture.run(List.of(SqsEvents.Message.of(body, HydrateFixture.dlqOf("keys-consumer"))));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .isEmpty();
        KeyLayout layout = new KeyLayout(HydrateFixture.PREFIX);
        List<S3Object> objects = fixture.objects(HydrateFixture.PREFIX + "/keys-consumer/");
        assertThat(objects).hasSize(KEYS.size());
        List<String> archivedPartitionKeys = new ArrayList<>();
        for (S3Object object : objects) {
            String key = object.key();
            assertThat(key.getBytes(StandardCharsets.UTF_8).length).as(key).isLessThanOrEqualTo(1024);
            assertThat(key.split("/")).as("no . or .. segment in %s", key).doesNotContain(".", "..");
            ArchiveKey parsed = layout.parse(key);
            assertThat(layout.format(parsed)).isEqualTo(key);
            ArchivedRecord archived = ArchivedRecordCodec.decode(fixture.object(key));
            archivedPartitionKeys.add(archived.partitionKey());
            assertThat(archived.data())
                    .isEqualTo(("payload of " + archived.partitionKey()).getBytes(StandardCharsets.UTF_8));
            Optional<String> decoded = KeyLayout.decodePartitionKey(parsed.encodedPartitionKey());
            if (decoded.isPresent()) {
                assertThat(decoded).contains(archived.partitionKey());
            } else {
                // Cut because it encodes to more than 512 bytes: only the envelope has the original.
                assertThat(parsed.encodedPartitionKey()).contains("~");
                assertThat(archived.partitionKey().getBytes(StandardCharsets.UTF_8).length * 3)
                        .isGreaterThan(512);
            }
        }
        assertThat(archivedPartitionKeys).containsExactlyInAnyOrderElementsOf(KEYS);
    }
}
