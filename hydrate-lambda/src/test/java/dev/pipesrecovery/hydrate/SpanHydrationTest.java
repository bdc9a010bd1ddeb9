package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.LossMarkerCodec;
import dev.pipesrecovery.archive.WideRangeNotice;
import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.Kinesalite;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An invocation's DLQ messages read one span per shard (kinesalite), each message keeping its own outcome: a backlog
 * of one-record messages in a few calls, interleaved batches wider than their batch size, trimmed first messages, and
 * faults in the middle of a span.
 */
class SpanHydrationTest {

    private final KeyLayout layout = new KeyLayout(HydrateFixture.PREFIX);

    @Test
    void aBacklogOfOneRecordMessagesOverSeveralShardsTakesOneIteratorAndOnePagePerShard() {
        HydrateFixture fixture = new HydrateFixture("span-backlog", 4);
        List<HydrateFixture.Put> puts = fixture.put(IntStream.range(0, 2_000)
                .mapToObj(i -> record("customer-" + i, "event " + i))
                .toList());
        List<SqsEvents.Message> messages = new ArrayList<>(puts.stream()
                .map(put -> SqsEvents.Message.of(
                        DlqBodies.pipes("orders-api", fixture.batchOf(List.of(put))),
                        HydrateFixture.dlqOf("orders-api")))
                .toList());
        Collections.shuffle(messages, new Random(3)); // an SQS batch comes in no particular order
        // moto takes the 2,000 conditional writes ~5x faster than S3Mock; the writes are not what is measured here
        try (S3Client moto = LocalAws.s3(Emulators.moto())) {
            moto.createBucket(b -> b.bucket(fixture.bucket));
            HydrateFixture.Run run = fixture.run(
                    HydrateFixture.wiring(
                            fixture.config(Map.of()),
                            Emulators.kinesalite().endpoint(),
                            Emulators.moto().endpoint()),
                    messages);
            KinesisCallCounts.Count calls = run.kinesisCalls();

            assertThat(run.failedMessageIds()).as("output tail:%n%s", tail(run)).isEmpty();
            assertThat(run.output()
                            .metrics("orders-api")
                            .path("RecordsArchived")
                            .asLong())
                    .isEqualTo(2_000);
            assertThat(moto.listObjectsV2Paginator(b -> b.bucket(fixture.bucket)).contents().stream()
                            .count())
                    .isEqualTo(2_000);
            assertThat(calls.getShardIterator()).as("one per shard: %s", calls).isEqualTo(4);
            assertThat(calls.getRecords()).as("one page per shard: %s", calls).isEqualTo(4);
            assertThat(calls.records()).as("nothing read beyond the backlog").isEqualTo(2_000);
        }
    }

    @Test
    void interleavedBatchesWiderThanTheirBatchSizeAreArchivedWholeOnceAndFlagged() throws Exception {
        HydrateFixture fixture = new HydrateFixture("span-interleaved");
        List<HydrateFixture.Put> puts = fixture.put(IntStream.range(0, 10)
                .mapToObj(i -> record("k" + (i % 2), "record " + i))
                .toList());
        // a ParallelizationFactor-style split of records 1..8: batch A = keys k1 (1,3,5,7), batch B = k0 (2,4,6,8)
        SqsEvents.Message a = message(fixture, puts.get(1), puts.get(7), 4);
        SqsEvents.Message b = message(fixture, puts.get(2), puts.get(8), 4);

        HydrateFixture.Run run = fixture.run(List.of(a, b));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .isEmpty();
        List<String> recordKeys = fixture.objects(HydrateFixture.PREFIX + "/orders-api/").stream()
                .map(S3Object::key)
                .filter(key -> !key.contains("/_wide/"))
                .toList();
        assertThat(recordKeys).as("records 1..8, each once").hasSize(8);
        for (String key : recordKeys) {
            ArchivedRecord archived = ArchivedRecordCodec.decode(fixture.object(key));
            assertThat(archived.failure().batch().recordsInRange()).isEqualTo(7);
            assertThat(archived.failure().batch().widerThanBatch()).isTrue();
        }
        List<String> notices = fixture.objects(WideRangeNotice.prefix(layout, "orders-api")).stream()
                .map(S3Object::key)
                .toList();
        assertThat(notices)
                .hasSize(2)
                .allSatisfy(key ->
                        assertThat(WideRangeNotice.archivedRecords(layout, key)).hasValue(7));
        JsonNode metrics = run.output().metrics("orders-api");
        assertThat(metrics.path("RecordsFromWideRanges").asLong()).isEqualTo(14);
        assertThat(metrics.path("RecordsArchived").asLong()
                        + metrics.path("RecordsAlreadyArchived").asLong())
                .as("6 records in both ranges: created by one message, already archived for the other")
                .isEqualTo(14);
        assertThat(metrics.path("RecordsArchived").asLong()).isEqualTo(8);
        for (SqsEvents.Message message : List.of(a, b)) {
            assertThat(run.output().logsFor(message.messageId()))
                    .extracting(log -> log.path("level").asText())
                    .containsExactlyInAnyOrder("WARN", "INFO");
        }
    }

    @Test
    void trimmedFirstMessagesAreLostTheRestArchivedThroughAnExpiredIteratorAndThrottling() throws Exception {
        HydrateFixture fixture = new HydrateFixture("span-trimmed", 2);
        // shard 1 takes records first, so shard 0's counter leaves room for numbers before its first record
        fixture.put(
                IntStream.range(0, 20)
                        .mapToObj(i -> record("other", "other " + i))
                        .toList(),
                HydrateFixture.LAST_SHARD);
        List<HydrateFixture.Put> puts = fixture.put(
                IntStream.range(0, 300)
                        .mapToObj(i -> record("pk-" + i % 5, "live " + i))
                        .toList(),
                HydrateFixture.FIRST_SHARD);
        String first = puts.get(0).sequenceNumber();
        List<SqsEvents.Message> gone = IntStream.of(20, 15, 10)
                .mapToObj(back -> SqsEvents.Message.of(
                        DlqBodies.pipes(
                                "orders-api",
                                new DlqBodies.Batch(
                                        fixture.streamArn,
                                        puts.get(0).shardId(),
                                        Kinesalite.sequenceNumberBefore(first, back),
                                        Kinesalite.sequenceNumberBefore(first, back - 2),
                                        fixture.batchOf(puts).firstArrival(),
                                        fixture.batchOf(puts).lastArrival(),
                                        2)),
                        HydrateFixture.dlqOf("orders-api")))
                .toList();
        List<SqsEvents.Message> live = puts.stream()
                .map(put -> SqsEvents.Message.of(
                        DlqBodies.pipes("orders-api", fixture.batchOf(List.of(put))),
                        HydrateFixture.dlqOf("orders-api")))
                .toList();
        List<SqsEvents.Message> all = new ArrayList<>(live);
        all.addAll(gone);

        try (FaultInjectingProxy kinesisProxy = FaultInjectingProxy.inFrontOf(Emulators.kinesalite())) {
            kinesisProxy
                    .inject(RequestMatch.kinesis("GetRecords"), 1, Fault.kinesisThroughputExceeded())
                    .injectAfter(RequestMatch.kinesis("GetRecords"), 1, 1, Fault.kinesisExpiredIterator());
            // pages of 100: the span takes several calls, so the faults land in its middle
            HydrateFixture.Run run = fixture.run(
                    HydrateFixture.wiring(
                                    fixture.config(Map.of()),
                                    kinesisProxy.endpoint(),
                                    Emulators.s3().endpoint())
                            .readerSettings(s -> s.withMaxRecordsPerCall(100).withCallsPerSecondPerShard(5)),
                    all);

            assertThat(run.failedMessageIds()).as("output tail:%n%s", tail(run)).isEmpty();
            assertThat(kinesisProxy.injectedCount()).isEqualTo(2);
            JsonNode metrics = run.output().metrics("orders-api");
            assertThat(metrics.path("RecordsArchived").asLong()).isEqualTo(300);
            assertThat(metrics.path("RecordsLost").asLong()).isEqualTo(6);
            assertThat(run.kinesisCalls().getShardIterator())
                    .as("the span's and one renewal")
                    .isEqualTo(2);
        }
        List<String> markers = fixture.objects(layout.lossMarkerPrefix("orders-api")).stream()
                .map(S3Object::key)
                .toList();
        assertThat(markers).hasSize(3);
        for (String marker : markers) {
            assertThat(LossMarkerCodec.decode(fixture.object(marker)).reason()).startsWith("GONE");
        }
        assertThat(fixture.objects(HydrateFixture.PREFIX + "/orders-api/")).hasSize(300 + 3);
    }

    private static SqsEvents.Message message(
            HydrateFixture fixture, HydrateFixture.Put start, HydrateFixture.Put end, int batchSize) {
        DlqBodies.Batch batch = fixture.batchOf(List.of(start, end));
        return SqsEvents.Message.of(
                DlqBodies.pipes(
                        "orders-api",
                        new DlqBodies.Batch(
                                batch.streamArn(),
                                batch.shardId(),
                                start.sequenceNumber(),
                                end.sequenceNumber(),
                                batch.firstArrival(),
                                batch.lastArrival(),
                                batchSize)),
                HydrateFixture.dlqOf("orders-api"));
    }

    private static HydrateFixture.TestRecord record(String partitionKey, String data) {
        return new HydrateFixture.TestRecord(partitionKey, data.getBytes(StandardCharsets.UTF_8));
    }

    private static String tail(HydrateFixture.Run run) {
        String text = run.output().text();
        return text.substring(Math.max(0, text.length() - 4_000));
    }
}
