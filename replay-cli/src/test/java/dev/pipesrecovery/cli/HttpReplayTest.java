package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.PartnerApi.Answer;
import dev.pipesrecovery.testkit.PartnerApi.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay --target http against a real local HTTP server that fails on demand, archive on S3Mock. */
class HttpReplayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");

    @TempDir
    Path state;

    private Archive archive;
    private PartnerApi partner;

    @BeforeEach
    void start() throws Exception {
        archive = new Archive();
        partner = new PartnerApi();
    }

    @AfterEach
    void stop() {
        partner.close();
        archive.close();
    }

    private Cli.Result replay(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "replay", "--consumer", "orders-api", "--target", "http", "--url", partner.url("/orders"), "--yes"));
        args.addAll(List.of(extra));
        if (!args.contains("--rate")) {
            args.addAll(List.of("--rate", "0"));
        }
        return cli().run(args.toArray(String[]::new));
    }

    private Cli cli() {
        return new Cli(state, "--bucket", archive.bucket(), "--endpoint-url", archive.endpoint());
    }

    @Test
    void deliversExactBytesWithIdempotencyKeyAndRunIdThenTagsAndSkipsThemNextTime() throws Exception {
        byte[] binary = {0x00, (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        Map<String, byte[]> sent = new LinkedHashMap<>();
        sent.put(archive.put("orders-api", "k1", T0, "{\"a\": 1,  \"spaces\" : true}"), null);
        sent.put(archive.put("orders-api", "k2", T0.plusSeconds(1), binary), null);
        sent.put(archive.put("orders-api", "k3", T0.plusSeconds(2), "text"), null);

        Cli.Result result = replay("--header", "X-Team: sre", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        List<Received> received = partner.received();
        assertThat(received).hasSize(3);
        assertThat(received.stream().map(Received::body).map(String::new).toList())
                .containsExactlyInAnyOrder("{\"a\": 1,  \"spaces\" : true}", new String(binary), "text");
        assertThat(received.stream().filter(r -> java.util.Arrays.equals(r.body(), binary)))
                .hasSize(1);
        Set<String> idempotencyKeys = new HashSet<>();
        for (Received request : received) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("X-Team")).isEqualTo("sre");
            assertThat(request.header("Idempotency-Key")).matches("[0-9a-f]{64}");
            idempotencyKeys.add(request.header("Idempotency-Key"));
        }
        assertThat(idempotencyKeys).hasSize(3);
        JsonNode summary = MAPPER.readTree(result.out()).path("summary");
        String runId = summary.path("runId").asText();
        assertThat(received)
                .allSatisfy(r -> assertThat(r.header("X-Pipes-Replay-Run-Id")).isEqualTo(runId));
        assertThat(summary.path("delivered").asLong()).isEqualTo(3);
        assertThat(Files.exists(
                        Path.of(MAPPER.readTree(result.out()).path("report").asText())))
                .isTrue();
        for (String key : sent.keySet()) {
            assertThat(archive.tags(key))
                    .containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED)
                    .containsEntry(ReplayTags.RUN_ID, runId)
                    .containsKey(ReplayTags.REPLAYED_AT);
        }

        Cli.Result again = replay();
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
        assertThat(again.out()).contains("skipped:     3 already delivered");
        assertThat(partner.received()).hasSize(3);

        Cli.Result elsewhere = new Cli(
                        state.resolve("other-machine"),
                        "--bucket",
                        archive.bucket(),
                        "--endpoint-url",
                        archive.endpoint())
                .run(
                        "replay",
                        "--consumer",
                        "orders-api",
                        "--target",
                        "http",
                        "--url",
                        partner.url("/orders"),
                        "--yes");
        assertThat(elsewhere.exitCode())
                .as("without the journal the tags exclude them")
                .isEqualTo(ExitCodes.NOTHING_MATCHED);
        assertThat(elsewhere.out()).contains("3 of another status");
        assertThat(partner.received()).hasSize(3);

        Cli.Result forced = replay("--status", "all");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(0);
        Set<String> resentKeys = new HashSet<>();
        partner.received().subList(3, 6).forEach(r -> resentKeys.add(r.header("Idempotency-Key")));
        assertThat(resentKeys).as("a re-send carries the same idempotency keys").isEqualTo(idempotencyKeys);
    }

    @Test
    void keepsPerKeyOrderWithParallelKeys() {
        for (int i = 0; i < 12; i++) {
            for (String key : List.of("a", "b", "c", "d", "e")) {
                archive.put("orders-api", key, T0.plusMillis(i * 10L), "{\"key\":\"" + key + "\",\"n\":" + i + "}");
            }
        }
        partner.delay(3);

        Cli.Result result = replay("--concurrency", "4");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (Received request : partner.received()) {
            JsonNode body = parse(request.body());
            byKey.computeIfAbsent(body.path("key").asText(), k -> new ArrayList<>())
                    .add(body.path("n").asInt());
        }
        assertThat(byKey).hasSize(5);
        byKey.values().forEach(order -> assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    }

    @Test
    void sendsTheUserRecordsOfAKplAggregateInSubSequenceOrderWhateverTheKeyForm() {
        List<String> older = archive.putAggregate("orders-api", "old", T0, numbered("old", 12), true);
        archive.putAggregate("orders-api", "new", T0, numbered("new", 12), false);
        assertThat(older.get(10))
                .as("an older key lists before sub-sequence 2")
                .endsWith("-10.json")
                .isLessThan(older.get(2));

        Cli.Result result = replay("--concurrency", "2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (Received request : partner.received()) {
            JsonNode body = parse(request.body());
            byKey.computeIfAbsent(body.path("key").asText(), k -> new ArrayList<>())
                    .add(body.path("n").asInt());
        }
        assertThat(byKey)
                .containsOnlyKeys("old", "new")
                .allSatisfy((key, order) -> assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    }

    private static List<String> numbered(String key, int count) {
        List<String> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            data.add("{\"key\":\"" + key + "\",\"n\":" + i + "}");
        }
        return data;
    }

    @Test
    void rateLimitHoldsOnMeasuredRequestTimes() {
        for (int i = 0; i < 21; i++) {
            archive.put("orders-api", "k" + (i % 3), T0.plusMillis(i), "{\"n\":" + i + "}");
        }

        Cli.Result result = replay("--rate", "20", "--concurrency", "4");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        List<Long> times =
                partner.received().stream().map(Received::nanoTime).sorted().toList();
        assertThat(times).hasSize(21);
        // sends are spaced 50 ms apart; the server's receive timestamps add scheduling jitter on a busy machine
        assertThat((times.get(20) - times.get(0)) / 1e9)
                .as("21 requests at 20/s span 1 s")
                .isGreaterThan(0.9);
        for (int i = 0; i + 10 < times.size(); i++) {
            double window = (times.get(i + 10) - times.get(i)) / 1e9;
            assertThat(window).as("11 requests at 20/s span 0.5 s").isGreaterThan(0.4);
        }
    }

    @Test
    void recoversFrom429WithRetryAfterAnd503() {
        archive.put("orders-api", "k", T0, "{\"n\":1}");
        archive.put("orders-api", "k", T0.plusSeconds(1), "{\"n\":2}");
        partner.then(new Answer(429, Map.of("Retry-After", "1")), 1).then(Answer.of(503), 2);

        Cli.Result result = replay("--concurrency", "1", "--max-attempts", "5");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        List<Received> received = partner.received();
        assertThat(received.stream().map(Received::status).toList()).containsExactly(429, 503, 503, 204, 204);
        assertThat((received.get(1).nanoTime() - received.get(0).nanoTime()) / 1e9)
                .as("Retry-After: 1 is honoured")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(received.get(3).body()).isEqualTo("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(received.get(4).body()).isEqualTo("{\"n\":2}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void retriesWhatApiDestinationsRetryAndStopsWhenRetryAfterIsNegative() throws Exception {
        archive.put("orders-api", "k", T0, "{\"n\":1}");
        archive.put("orders-api", "m", T0.plusSeconds(1), "{\"n\":2}");
        // eb-api-destinations: 401, 407, 409, 429 and 5xx are retried; a negative Retry-After stops the retries
        partner.then(Answer.of(409), 1)
                .then(Answer.of(401), 1)
                .then(Answer.of(407), 1)
                .then(Answer.of(204), 1)
                .then(new Answer(503, Map.of("Retry-After", "-1")), 1);

        Cli.Result result =
                replay("--concurrency", "1", "--max-attempts", "5", "--retry-base-millis", "1", "--format", "json");

        assertThat(partner.received().stream().map(Received::status).toList()).containsExactly(409, 401, 407, 204, 503);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode summary = MAPPER.readTree(result.out()).path("summary");
        assertThat(summary.path("delivered").asLong()).isEqualTo(1);
        assertThat(summary.path("failedByCode").path("HTTP 503").asLong()).isEqualTo(1);
    }

    @Test
    void sustained400TripsTheBreakerThenFailedOnesAreSelectedNextTime() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(archive.put("orders-api", "k" + i, T0.plusMillis(i), "{\"n\":" + i + "}"));
        }
        partner.always(Answer.of(400));

        Cli.Result result = replay("--concurrency", "2", "--breaker-threshold", "5");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CIRCUIT_OPEN);
        assertThat(result.err())
                .contains("stopped: the circuit breaker opened", "HTTP 400", "run the same command again");
        assertThat(partner.received().size()).as("stops instead of hammering").isBetween(5, 7);
        long failedTagged = keys.stream()
                .filter(k -> ReplayTags.FAILED.equals(archive.tags(k).get(ReplayTags.STATUS)))
                .count();
        assertThat(failedTagged).isEqualTo(partner.received().size());
        assertThat(archive.tags(keys.get(0))).containsEntry(ReplayTags.ERROR, "HTTP 400");

        partner.always(Answer.of(200));
        Cli.Result retry = replay("--status", "failed");
        assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(0);
        assertThat(partner.accepted()).hasSize((int) failedTagged);
    }

    @Test
    void dryRunShowsThePlanAndSendsNothing() {
        String key = archive.put("orders-api", "k", T0, "{\"n\":1}");

        Cli.Result result = replay("--dry-run", "--rate", "2");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).contains("dry run", "records:     1", key, "2.0 requests/s");
        assertThat(partner.received()).isEmpty();
        assertThat(archive.tags(key)).isEmpty();
    }

    @Test
    void refusesWithoutYesWhenThereIsNoTerminalAndAsksOnOne() {
        archive.put("orders-api", "k", T0, "{\"n\":1}");
        String[] args = {"replay", "--consumer", "orders-api", "--target", "http", "--url", partner.url("/")};

        Cli.Result refused = cli().run(args);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("refusing to replay without --yes");
        assertThat(partner.received()).isEmpty();

        List<String> prompts = new ArrayList<>();
        Cli.Result confirmed = cli().withTerminal(new Terminal() {
                    @Override
                    public boolean interactive() {
                        return true;
                    }

                    @Override
                    public String readLine(String prompt) {
                        prompts.add(prompt);
                        return "y";
                    }
                })
                .run(args);
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isEqualTo(0);
        assertThat(prompts).singleElement().asString().contains("Send up to 1 record(s)");
        assertThat(partner.received()).hasSize(1);
    }

    @Test
    void badUrlIsAUsageError() {
        archive.put("orders-api", "k", T0, "{\"n\":1}");

        Cli.Result result =
                cli().run("replay", "--consumer", "orders-api", "--target", "http", "--url", "ftp://partner", "--yes");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().toList())
                .containsExactly(
                        "pipes-replay: bad --url 'ftp://partner': expected an absolute http:// or https:// URL");
    }

    @Test
    void corruptObjectsAreReportedAndSkippedWhileTheRunGoesOnForOtherKeys() throws Exception {
        archive.put("orders-api", "k", T0, "{\"n\":1}");
        String notJson = archive.putRaw("orders-api", "k", T0.plusSeconds(1), "not json".getBytes());
        String wrongVersion = archive.putRaw(
                "orders-api", "m", T0.plusSeconds(2), "{\"version\":99,\"consumer\":\"orders-api\"}".getBytes());
        String behindCorrupt = archive.put("orders-api", "k", T0.plusSeconds(3), "{\"n\":3}");
        archive.put("orders-api", "x", T0.plusSeconds(3), "{\"n\":2}");

        Cli.Result result = replay("--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(partner.received())
                .extracting(r -> new String(r.body()))
                .containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}");
        JsonNode summary = MAPPER.readTree(result.out()).path("summary");
        assertThat(summary.path("failedByCode").path("CorruptArchiveObject").asLong())
                .isEqualTo(2);
        assertThat(summary.path("blocked").asLong())
                .as("k's next record waits for the corrupt one")
                .isEqualTo(1);
        assertThat(archive.tags(behindCorrupt)).isEmpty();
        String failures = Files.readString(Path.of(summary.path("failuresFile").asText()));
        assertThat(failures).contains(notJson, wrongVersion);
        assertThat(archive.tags(notJson)).containsEntry(ReplayTags.STATUS, ReplayTags.FAILED);

        Cli.Result export = cli().run("export", "--consumer", "orders-api", "--as", "jsonl");
        assertThat(export.exitCode()).as(export.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(export.out().lines()).hasSize(3);
        assertThat(export.err())
                .contains(
                        "corrupt archive object skipped: " + notJson,
                        "corrupt archive object skipped: " + wrongVersion);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
