package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Both DLQ envelopes, from the SQS event JSON to the archived objects, on kinesis-local and S3Mock. */
class EnvelopeHydrationTest {

    private static final String DLQ_ARN = HydrateFixture.dlqOf("orders-api");
    private final KeyLayout layout = new KeyLayout(HydrateFixture.PREFIX);

    @Test
    void aPipesMessageOfOneRecordBecomesOneArchivedObject() throws Exception {
        HydrateFixture fixture = new HydrateFixture("pipes-one");
        byte[] payload = "{\"orderId\":\"o-42\",\"amount\":12.5}".getBytes(StandardCharsets.UTF_8);
        List<HydrateFixture.Put> puts = fixture.put(List.of(new HydrateFixture.TestRecord("customer/42", payload)));
        DlqBodies.Batch batch = fixture.batchOf(puts);
        SqsEvents.Message message = SqsEvents.Message.of(DlqBodies.pipes("orders-api", batch), DLQ_ARN);

        HydrateFixture.Run run = fixture.run(List.of(message));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .isEmpty();
        List<S3Object> objects = fixture.objects(HydrateFixture.PREFIX + "/orders-api/");
        assertThat(objects).hasSize(1);
        String key = objects.get(0).key();
        ArchiveKey parsed = layout.parse(key);
        assertThat(parsed.consumer()).isEqualTo("orders-api");
        assertThat(KeyLayout.decodePartitionKey(parsed.encodedPartitionKey())).contains("customer/42");
        assertThat(parsed.sequenceNumber().value()).isEqualTo(puts.get(0).sequenceNumber());

        ArchivedRecord archived = ArchivedRecordCodec.decode(fixture.object(key));
        assertThat(archived.data()).isEqualTo(payload);
        assertThat(archived.consumer()).isEqualTo("orders-api");
        assertThat(archived.streamArn()).isEqualTo(fixture.streamArn);
        assertThat(archived.shardId()).isEqualTo(puts.get(0).shardId());
        assertThat(archived.subSequenceNumber()).isNull();
        assertThat(archived.partitionKey()).isEqualTo("customer/42");
        assertThat(archived.failure().source()).isEqualTo("arn:aws:pipes:us-east-1:123456789012:pipe/orders-api");
        assertThat(archived.failure().condition()).isEqualTo("RetryAttemptsExhausted");
        assertThat(archived.failure().dlqMessageId()).isEqualTo(message.messageId());
        assertThat(archived.failure().batch().batchSize()).isEqualTo(1);
        assertThat(archived.failure().hydratedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());

        JsonNode metrics = run.output().metrics("orders-api");
        assertThat(metrics.path("DlqMessagesReceived").asLong()).isEqualTo(1);
        assertThat(metrics.path("RecordsArchived").asLong()).isEqualTo(1);
        assertThat(metrics.path("RecordsAlreadyArchived").asLong()).isZero();
        assertThat(metrics.path("RecordsLost").asLong()).isZero();
        assertThat(metrics.path("HydrateFailures").asLong()).isZero();
        assertThat(metrics.path("ArchiveBytes").asLong())
                .isEqualTo(objects.get(0).size());
        // kinesis-local keeps records 24 h; the oldest record is ~5 s old.
        assertThat(metrics.path("RetentionHeadroomSeconds").asLong()).isBetween(24 * 3600L - 120, 24 * 3600L - 4);

        JsonNode log = run.output().logsFor(message.messageId()).get(0);
        assertThat(log.path("level").asText()).isEqualTo("INFO");
        assertThat(log.path("consumer").asText()).isEqualTo("orders-api");
        assertThat(log.path("shardId").asText()).isEqualTo(puts.get(0).shardId());
        assertThat(log.path("startSequenceNumber").asText())
                .isEqualTo(puts.get(0).sequenceNumber());
        assertThat(log.path("recordsArchived").asInt()).isEqualTo(1);
    }

    @Test
    void aLambdaEsmMessageOf500RecordsIsReadAcrossSeveralGetRecordsPages() throws Exception {
        HydrateFixture fixture = new HydrateFixture("esm-500");
        Random random = new Random(500);
        List<HydrateFixture.TestRecord> records = IntStream.range(0, 500)
                .mapToObj(i -> {
                    byte[] data = new byte[1024];
                    random.nextBytes(data);
                    return new HydrateFixture.TestRecord("device-" + (i % 7), data);
                })
                .toList();
        List<HydrateFixture.Put> puts = fixture.put(records);
        String body = DlqBodies.lambdaEsm("orders-consumer", fixture.batchOf(puts));

        // Pages of at most 100 records (Kinesis pages by 10,000 records or 10 MiB; this keeps the test light).
        try (FaultInjectingProxy kinesisProxy = FaultInjectingProxy.inFrontOf(Emulators.kinesalite())) {
            HydrateFixture.Run run = fixture.run(
                    HydrateFixture.wiring(
                                    fixture.config(Map.of()),
                                    kinesisProxy.endpoint(),
                                    Emulators.s3().endpoint())
                            .readerSettings(s -> s.withMaxRecordsPerCall(100)),
                    List.of(SqsEvents.Message.of(body, HydrateFixture.dlqOf("orders-consumer"))));

            assertThat(run.failedMessageIds())
                    .as("output:%n%s", run.output().text())
                    .isEmpty();
            assertThat(kinesisProxy.count(RequestMatch.kinesis("GetRecords"))).isGreaterThanOrEqualTo(5);
            assertThat(run.output()
                            .metrics("orders-consumer")
                            .path("RecordsArchived")
                            .asLong())
                    .isEqualTo(500);
        }
        Map<String, byte[]> bySequenceNumber = puts.stream()
                .collect(Collectors.toMap(
                        HydrateFixture.Put::sequenceNumber, put -> put.record().data()));
        List<S3Object> objects = fixture.objects(HydrateFixture.PREFIX + "/orders-consumer/");
        assertThat(objects).hasSize(500);
        for (S3Object object : objects) {
            ArchivedRecord archived = ArchivedRecordCodec.decode(fixture.object(object.key()));
            assertThat(archived.data())
                    .isEqualTo(bySequenceNumber.get(archived.sequenceNumber().value()));
            assertThat(archived.failure().source()).endsWith(":function:orders-consumer");
            assertThat(archived.failure().batch().batchSize()).isEqualTo(500);
        }
        assertThat(objects.stream()
                        .map(o -> layout.parse(o.key()).sequenceNumber().value())
                        .collect(Collectors.toSet()))
                .isEqualTo(bySequenceNumber.keySet());
    }
}
