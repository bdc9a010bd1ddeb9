package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.archive.LossMarkerCodec;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A range that can no longer be read is recorded, not retried forever and not made up: a durable loss marker, the
 * {@code RecordsLost} metric and an ERROR log line, then the message is deleted. Only a written marker lets it go.
 */
class LossTest {

    private static final String DLQ_ARN = HydrateFixture.dlqOf("orders-api");
    private final KeyLayout layout = new KeyLayout(HydrateFixture.PREFIX);

    @Test
    void aRangeThatIsGoneBecomesALossMarkerAndTheMessageIsDeleted() throws Exception {
        HydrateFixture fixture = new HydrateFixture("loss-gone");
        HydrateFixture.Put real =
                fixture.put(List.of(record("pk-1", "still here"))).get(0);
        // A sequence number this shard never had (like one from before a stream was deleted and re-created).
        String gone = "4" + "9".repeat(55);
        DlqBodies.Batch batch = new DlqBodies.Batch(
                fixture.streamArn,
                real.shardId(),
                gone,
                gone,
                fixture.batchOf(List.of(real)).firstArrival(),
                fixture.batchOf(List.of(real)).lastArrival(),
                1);
        String body = DlqBodies.pipes("orders-api", batch);
        SqsEvents.Message message = SqsEvents.Message.of(body, DLQ_ARN);

        HydrateFixture.Run run = fixture.run(List.of(message));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .isEmpty();
        String markerKey = layout.lossMarkerKey(
                "orders-api",
                batch.firstArrival().atZone(ZoneOffset.UTC).toLocalDate(),
                real.shardId(),
                SequenceNumber.of(gone),
                SequenceNumber.of(gone));
        LossMarker marker = LossMarkerCodec.decode(fixture.object(markerKey));
        assertThat(marker.lostCount()).isEqualTo(1);
        assertThat(marker.expectedCount()).isEqualTo(1);
        assertThat(marker.reason()).startsWith("GONE");
        assertThat(marker.dlqMessageId()).isEqualTo(message.messageId());
        assertThat(marker.dlqMessageBody()).isEqualTo(body);
        assertThat(marker.streamArn()).isEqualTo(fixture.streamArn);
        // Nothing archived: the record that does exist at another position was not used to make up for the loss.
        assertThat(fixture.objects(HydrateFixture.PREFIX + "/orders-api/"))
                .allSatisfy(
                        object -> assertThat(layout.isLossMarker(object.key())).isTrue());

        JsonNode metrics = run.output().metrics("orders-api");
        assertThat(metrics.path("RecordsLost").asLong()).isEqualTo(1);
        assertThat(metrics.path("RecordsArchived").asLong()).isZero();
        assertThat(metrics.path("HydrateFailures").asLong()).isZero();
        JsonNode log = run.output().logsFor(message.messageId()).get(0);
        assertThat(log.path("level").asText()).isEqualTo("ERROR");
        assertThat(log.path("recordsLost").asInt()).isEqualTo(1);
        assertThat(log.path("lossMarkerKey").asText()).isEqualTo(markerKey);
        assertThat(log.path("lossReason").asText()).isNotBlank();
    }

    @Test
    void aRangeThatComesBackShortArchivesWhatExistsAndMarksTheRest() throws Exception {
        HydrateFixture fixture = new HydrateFixture("loss-short");
        List<HydrateFixture.Put> puts = fixture.put(List.of(record("a", "1"), record("b", "2"), record("c", "3")));
        DlqBodies.Batch threeOfFive = withBatchSize(fixture.batchOf(puts), 5);
        SqsEvents.Message message = SqsEvents.Message.of(
                DlqBodies.lambdaEsm("orders-consumer", threeOfFive), HydrateFixture.dlqOf("orders-consumer"));

        HydrateFixture.Run run = fixture.run(List.of(message));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .isEmpty();
        List<String> keys = fixture.objects(HydrateFixture.PREFIX + "/orders-consumer/").stream()
                .map(o -> o.key())
                .toList();
        assertThat(keys).filteredOn(key -> !layout.isLossMarker(key)).hasSize(3);
        String markerKey =
                keys.stream().filter(layout::isLossMarker).findFirst().orElseThrow();
        LossMarker marker = LossMarkerCodec.decode(fixture.object(markerKey));
        assertThat(marker.lostCount()).isEqualTo(2);
        assertThat(marker.expectedCount()).isEqualTo(5);
        assertThat(marker.reason()).startsWith("PARTIAL");
        JsonNode metrics = run.output().metrics("orders-consumer");
        assertThat(metrics.path("RecordsArchived").asLong()).isEqualTo(3);
        assertThat(metrics.path("RecordsLost").asLong()).isEqualTo(2);
    }

    @Test
    void whenTheLossMarkerCannotBeWrittenTheMessageIsRetriedUntilItIs() throws Exception {
        HydrateFixture fixture = new HydrateFixture("loss-unwritten");
        HydrateFixture.Put real = fixture.put(List.of(record("pk-1", "x"))).get(0);
        String gone = "4" + "8".repeat(55);
        DlqBodies.Batch batch = new DlqBodies.Batch(
                fixture.streamArn,
                real.shardId(),
                gone,
                gone,
                fixture.batchOf(List.of(real)).firstArrival(),
                fixture.batchOf(List.of(real)).lastArrival(),
                1);
        SqsEvents.Message message = SqsEvents.Message.of(DlqBodies.pipes("orders-api", batch), DLQ_ARN);
        HydrateConfig config = fixture.config(Map.of());

        try (FaultInjectingProxy s3Proxy = FaultInjectingProxy.inFrontOf(Emulators.s3())) {
            s3Proxy.injectAlways(
                    RequestMatch.http("PUT", "/" + fixture.bucket + "/" + HydrateFixture.PREFIX + "/orders-api/_lost/"),
                    Fault.s3InternalError());
            HydrateFixture.Run failed =
                    fixture.run(Emulators.kinesalite().endpoint(), s3Proxy.endpoint(), config, List.of(message));

            assertThat(failed.failedMessageIds())
                    .as("output:%n%s", failed.output().text())
                    .containsExactly(message.messageId());
            assertThat(failed.output()
                            .logsFor(message.messageId())
                            .get(0)
                            .path("message")
                            .asText())
                    .contains("loss marker could not be written");
            assertThat(failed.output().metrics("orders-api").path("RecordsLost").asLong())
                    .isZero();

            s3Proxy.clearFaults();
            HydrateFixture.Run retried =
                    fixture.run(Emulators.kinesalite().endpoint(), s3Proxy.endpoint(), config, List.of(message));

            assertThat(retried.failedMessageIds())
                    .as("output:%n%s", retried.output().text())
                    .isEmpty();
            assertThat(retried.output()
                            .metrics("orders-api")
                            .path("RecordsLost")
                            .asLong())
                    .isEqualTo(1);
        }
        assertThat(fixture.objects(HydrateFixture.PREFIX + "/orders-api/_lost/"))
                .hasSize(1);
    }

    private static HydrateFixture.TestRecord record(String partitionKey, String data) {
        return new HydrateFixture.TestRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8));
    }

    private static DlqBodies.Batch withBatchSize(DlqBodies.Batch batch, int batchSize) {
        return new DlqBodies.Batch(
                batch.streamArn(),
                batch.shardId(),
                batch.startSequenceNumber(),
                batch.endSequenceNumber(),
                batch.firstArrival(),
                batch.lastArrival(),
                batchSize);
    }
}
