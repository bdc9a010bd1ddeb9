package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.replay.target.IdempotencyKeys;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * replay --target eventbridge: PutEvents on moto_server, delivered through a rule to an SQS queue that the test reads
 * back; the fault-injecting proxy in front of moto answers a partial failure once.
 */
class EventBridgeReplayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final RequestMatch PUT_EVENTS = RequestMatch.target("AWSEvents.PutEvents");

    private static FaultInjectingProxy proxy;
    private static ServiceEndpoints endpoints;
    private static EventBridgeClient events;
    private static SqsClient sqs;

    @TempDir
    Path state;

    private Archive archive;
    private String bus;
    private String queueUrl;

    @BeforeAll
    static void emulators() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.moto());
        endpoints = new ServiceEndpoints().put("S3", Emulators.s3().endpoint()).put("EventBridge", proxy.endpoint());
        events = LocalAws.configure(
                        EventBridgeClient.builder(), Emulators.moto().endpoint())
                .build();
        sqs = LocalAws.sqs(Emulators.moto());
    }

    @AfterAll
    static void close() {
        endpoints.close();
        proxy.close();
        events.close();
        sqs.close();
    }

    @BeforeEach
    void busRuleAndQueue() {
        archive = new Archive();
        String name = "replayed-" + NAMES.incrementAndGet();
        bus = name + "-bus";
        events.createEventBus(b -> b.name(bus));
        queueUrl = sqs.createQueue(b -> b.queueName(name)).queueUrl();
        events.putRule(b -> b.name(name).eventBusName(bus).eventPattern("{\"source\":[\"pipes-replay.test\"]}"));
        events.putTargets(b -> b.rule(name)
                .eventBusName(bus)
                .targets(t -> t.id("queue").arn("arn:aws:sqs:us-east-1:" + LocalAws.ACCOUNT_ID + ":" + name)));
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
                "eventbridge",
                "--event-bus",
                bus,
                "--source",
                "pipes-replay.test",
                "--detail-type",
                "OrderPlaced",
                "--rate",
                "0",
                "--yes"));
        args.addAll(List.of(extra));
        return new Cli(state).run(args.toArray(String[]::new));
    }

    @Test
    void putsEveryRecordOnTheBusInBatchesOfTenWithThePayloadAsDetail() throws Exception {
        byte[] binary = {0x01, (byte) 0xFE, 0x7F};
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            keys.add(archive.put(
                    "orders-api", "key-" + i, T0.plusMillis(i), "{\"orderId\":\"o-" + i + "\",\"n\":" + i + "}"));
        }
        keys.add(archive.put("orders-api", "key-binary", T0.plusSeconds(1), binary));
        long before = proxy.count(PUT_EVENTS);

        Cli.Result result = replay("--concurrency", "1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(proxy.count(PUT_EVENTS) - before)
                .as("12 entries in batches of <= 10")
                .isEqualTo(2);
        List<JsonNode> delivered = receive(12);
        assertThat(delivered).hasSize(12);
        for (int i = 0; i < 11; i++) {
            ObjectNode expected = (ObjectNode) MAPPER.readTree("{\"orderId\":\"o-" + i + "\",\"n\":" + i + "}");
            expected.putObject("pipesReplay").put("idempotencyKey", idempotencyKey(keys.get(i)));
            assertThat(delivered).anySatisfy(e -> assertThat(e.path("detail")).isEqualTo(expected));
        }
        JsonNode wrapped = delivered.stream()
                .filter(e -> e.path("detail").has("dataEncoding"))
                .findFirst()
                .orElseThrow();
        assertThat(Base64.getDecoder()
                        .decode(wrapped.path("detail").path("data").asText()))
                .isEqualTo(binary);
        assertThat(wrapped.path("detail")
                        .path("pipesReplay")
                        .path("idempotencyKey")
                        .asText())
                .isEqualTo(idempotencyKey(keys.get(11)));
        assertThat(delivered).allSatisfy(e -> {
            assertThat(e.path("source").asText()).isEqualTo("pipes-replay.test");
            assertThat(e.path("detail-type").asText()).isEqualTo("OrderPlaced");
            assertThat(e.path("resources").get(0).asText()).isEqualTo(Archive.STREAM_ARN);
        });
    }

    @Test
    void retriesRetryableEntriesAndReportsTheOthers() throws Exception {
        String first = archive.put("orders-api", "a", T0, "{\"n\":1}");
        String second = archive.put("orders-api", "b", T0.plusMillis(1), "{\"n\":2}");
        String third = archive.put("orders-api", "c", T0.plusMillis(2), "{\"n\":3}");
        proxy.inject(
                PUT_EVENTS,
                1,
                Fault.respond(
                        200,
                        "application/x-amz-json-1.1",
                        "{\"FailedEntryCount\":2,"
                                + "\"Entries\":[{\"EventId\":\"11111111-1111-1111-1111-111111111111\"},"
                                + "{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"},"
                                + "{\"ErrorCode\":\"AccessDeniedException\",\"ErrorMessage\":\"not allowed\"}]}"));
        long before = proxy.count(PUT_EVENTS);

        Cli.Result result = replay("--concurrency", "1", "--format", "json", "--status", "all");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(proxy.count(PUT_EVENTS) - before)
                .as("one retry, of the retryable entry only")
                .isEqualTo(2);
        List<JsonNode> delivered = receive(1);
        assertThat(delivered)
                .as(result.toString())
                .singleElement()
                .satisfies(e -> assertThat(e.path("detail").path("n").asInt()).isEqualTo(2));
        JsonNode summary = MAPPER.readTree(result.out()).path("summary");
        assertThat(summary.path("delivered").asLong()).isEqualTo(2);
        assertThat(summary.path("failedByCode").path("AccessDeniedException").asLong())
                .isEqualTo(1);
        assertThat(archive.tags(first)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED);
        assertThat(archive.tags(second)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED);
        assertThat(archive.tags(third))
                .containsEntry(ReplayTags.STATUS, ReplayTags.FAILED)
                .containsEntry(ReplayTags.ERROR, "AccessDeniedException");
    }

    @Test
    void thePayloadKeepsItsMembersBesideTheAddedIdempotencyKeyAndItsOwnMemberOfThatName() throws Exception {
        String spaced = "{ \"amount\" : 12.5 ,\n \"big\": 123456789012345678901234567890 }";
        String key = archive.put("orders-api", "a", T0, spaced);
        archive.put("orders-api", "b", T0.plusMillis(1), "{\"pipesReplay\":\"the producer's own\"}");
        archive.put("orders-api", "c", T0.plusMillis(2), "{}");

        Cli.Result result = replay("--concurrency", "1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        List<JsonNode> delivered = receive(3);
        assertThat(delivered).hasSize(3);
        JsonNode first = delivered.stream()
                .filter(e -> e.path("detail").has("amount"))
                .findFirst()
                .orElseThrow();
        assertThat(first.path("detail").path("amount").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(first.path("detail").path("big").bigIntegerValue()).isEqualTo("123456789012345678901234567890");
        assertThat(first.path("detail")
                        .path("pipesReplay")
                        .path("idempotencyKey")
                        .asText())
                .isEqualTo(idempotencyKey(key));
        assertThat(delivered)
                .anySatisfy(e -> assertThat(e.path("detail").path("pipesReplay").asText())
                        .isEqualTo("the producer's own"));
        assertThat(delivered)
                .anySatisfy(e -> assertThat(e.path("detail").size())
                        .isEqualTo(1)
                        .satisfies(n -> assertThat(e.path("detail")
                                        .path("pipesReplay")
                                        .path("idempotencyKey")
                                        .asText())
                                .hasSize(64)));
    }

    /** The Idempotency-Key the HTTP target sends for the record archived at {@code key}. */
    private String idempotencyKey(String key) throws Exception {
        return IdempotencyKeys.of(
                ArchivedRecordCodec.decode(archive.store().get(key).orElseThrow()));
    }

    private List<JsonNode> receive(int expected) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (received.size() < expected && System.nanoTime() < deadline) {
            for (Message message : sqs.receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                received.add(MAPPER.readTree(message.body().getBytes(StandardCharsets.UTF_8)));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        // one more short poll: nothing beyond what was expected (no duplicates)
        received.addAll(
                sqs
                        .receiveMessage(b ->
                                b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages()
                        .stream()
                        .map(m -> {
                            try {
                                return MAPPER.readTree(m.body());
                            } catch (Exception e) {
                                throw new AssertionError(e);
                            }
                        })
                        .toList());
        return received;
    }
}
