package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.KinesisLocal;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** replay --target kinesis into kinesis-local (through the fault-injecting proxy), read back with GetRecords. */
class KinesisReplayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final RequestMatch PUT_RECORDS = RequestMatch.kinesis("PutRecords");

    private static FaultInjectingProxy proxy;
    private static ServiceEndpoints endpoints;
    private static KinesisClient kinesis;

    @TempDir
    Path state;

    private Archive archive;
    private String streamArn;

    @BeforeAll
    static void emulators() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.kinesis());
        endpoints = new ServiceEndpoints().put("S3", Emulators.s3().endpoint()).put("Kinesis", proxy.endpoint());
        kinesis = LocalAws.kinesis(Emulators.kinesis());
    }

    @AfterAll
    static void close() {
        endpoints.close();
        proxy.close();
        kinesis.close();
    }

    @BeforeEach
    void streamAndArchive() {
        archive = new Archive();
        streamArn = KinesisLocal.createStream(kinesis, "replayed-" + NAMES.incrementAndGet(), 1);
        proxy.clearFaults();
    }

    @AfterEach
    void closeArchive() {
        archive.close();
    }

    private Cli.Result replay(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "replay",
                "--bucket",
                archive.bucket(),
                "--consumer",
                "orders-api",
                "--target",
                "kinesis",
                "--stream",
                streamArn,
                "--rate",
                "0",
                "--yes"));
        args.addAll(List.of(extra));
        return new Cli(state).run(args.toArray(String[]::new));
    }

    @Test
    void writesExactBytesWithTheOriginalPartitionKeysInOrder() {
        byte[] large = new byte[40_000];
        new Random(7).nextBytes(large);
        Map<String, List<byte[]>> archived = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            for (String key : List.of("customer/1", "customer/2", "émoji-🙂")) {
                byte[] data =
                        ("{\"key\":\"" + key + "\",\"n\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                archive.put("orders-api", key, T0.plusMillis(i), data);
                archived.computeIfAbsent(key, k -> new ArrayList<>()).add(data);
            }
        }
        archive.put("orders-api", "big", T0.plusSeconds(1), large);
        archived.put("big", List.of(large));

        Cli.Result result = replay("--concurrency", "3");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        Map<String, List<byte[]>> read = readStream();
        assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(archived.keySet());
        archived.forEach((key, records) -> assertThat(read.get(key)).as(key).containsExactlyElementsOf(records));
    }

    @Test
    void readsFailedRecordCountEntryByEntry() throws Exception {
        String first = archive.put("orders-api", "a", T0, "{\"n\":1}");
        String second = archive.put("orders-api", "b", T0.plusMillis(1), "{\"n\":2}");
        proxy.inject(
                PUT_RECORDS,
                1,
                Fault.respond(
                        200,
                        "application/x-amz-json-1.1",
                        "{\"FailedRecordCount\":2,"
                                + "\"Records\":[{\"ErrorCode\":\"ProvisionedThroughputExceededException\",\"ErrorMessage\":\"Rate "
                                + "exceeded\"},{\"ErrorCode\":\"KMSAccessDeniedException\",\"ErrorMessage\":\"no key access\"}]}"));

        Cli.Result result = replay("--concurrency", "1", "--status", "all", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        Map<String, List<byte[]>> read = readStream();
        assertThat(read).containsOnlyKeys("a");
        assertThat(read.get("a")).singleElement().isEqualTo("{\"n\":1}".getBytes());
        JsonNode summary = MAPPER.readTree(result.out()).path("summary");
        assertThat(summary.path("requests").asLong()).isEqualTo(2);
        assertThat(summary.path("failedByCode").path("KMSAccessDeniedException").asLong())
                .isEqualTo(1);
        assertThat(archive.tags(first)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED);
        assertThat(archive.tags(second)).containsEntry(ReplayTags.ERROR, "KMSAccessDeniedException");
    }

    @Test
    void anOversizedRecordFailsAloneWithoutCostingTheOthersOfItsRequest() throws Exception {
        String before = archive.put("orders-api", "a", T0, "{\"n\":1}");
        byte[] tooLarge = new byte[1024 * 1024]; // + the partition key: one byte over the 1 MiB a record may hold
        String big = archive.put("orders-api", "b", T0.plusMillis(1), tooLarge);
        String after = archive.put("orders-api", "c", T0.plusMillis(2), "{\"n\":3}");
        long requestsBefore = proxy.count(PUT_RECORDS);

        Cli.Result result = replay("--concurrency", "1", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(proxy.count(PUT_RECORDS) - requestsBefore)
                .as("one request, without the oversized record")
                .isEqualTo(1);
        assertThat(readStream()).containsOnlyKeys("a", "c");
        JsonNode summary = MAPPER.readTree(result.out()).path("summary");
        assertThat(summary.path("failedByCode").path("RecordTooLarge").asLong()).isEqualTo(1);
        assertThat(archive.tags(big)).containsEntry(ReplayTags.ERROR, "RecordTooLarge");
        assertThat(archive.tags(before)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED);
        assertThat(archive.tags(after)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED);
    }

    @Test
    void anObjectWithForeignTagsIsDeliveredOnceAndNoOtherRecordOfItsRequestIsSentAgain() {
        String tagged = archive.put("orders-api", "a", T0, "{\"n\":1}");
        archive.put("orders-api", "b", T0.plusMillis(1), "{\"n\":2}");
        archive.put("orders-api", "c", T0.plusMillis(2), "{\"n\":3}");
        Map<String, String> foreign = new LinkedHashMap<>();
        for (int i = 1; i <= 9; i++) {
            foreign.put("compliance:tag-" + i, "v" + i);
        }
        archive.store().putTags(tagged, foreign);

        Cli.Result first = replay("--concurrency", "1");
        Cli.Result again = replay("--concurrency", "1");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
        Map<String, List<byte[]>> read = readStream();
        assertThat(read)
                .containsOnlyKeys("a", "b", "c")
                .allSatisfy((key, records) -> assertThat(records).hasSize(1));
        assertThat(archive.tags(tagged))
                .containsAllEntriesOf(foreign)
                .containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED)
                .hasSize(10);
    }

    @Test
    void aStreamThatDoesNotExistIsOneLineBeforeAnythingIsSent() {
        archive.put("orders-api", "a", T0, "{\"n\":1}");
        long requestsBefore = proxy.count(PUT_RECORDS);

        Cli.Result result = new Cli(state)
                .run(
                        "replay",
                        "--bucket",
                        archive.bucket(),
                        "--consumer",
                        "orders-api",
                        "--target",
                        "kinesis",
                        "--stream",
                        "no-such-stream",
                        "--yes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().toList())
                .containsExactly("pipes-replay: stream no-such-stream does not "
                        + "exist (check --stream, --region and --endpoint-url)");
        assertThat(proxy.count(PUT_RECORDS)).isEqualTo(requestsBefore);
    }

    private Map<String, List<byte[]>> readStream() {
        String shard =
                kinesis.listShards(b -> b.streamARN(streamArn)).shards().get(0).shardId();
        String iterator = kinesis.getShardIterator(
                        b -> b.streamARN(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        Map<String, List<byte[]>> byKey = new LinkedHashMap<>();
        for (int page = 0; page < 20 && iterator != null; page++) {
            String current = iterator;
            GetRecordsResponse response =
                    kinesis.getRecords(b -> b.streamARN(streamArn).shardIterator(current));
            response.records()
                    .forEach(r -> byKey.computeIfAbsent(r.partitionKey(), k -> new ArrayList<>())
                            .add(r.data().asByteArray()));
            iterator = response.records().isEmpty() && response.millisBehindLatest() == 0
                    ? null
                    : response.nextShardIterator();
        }
        return byKey;
    }
}
