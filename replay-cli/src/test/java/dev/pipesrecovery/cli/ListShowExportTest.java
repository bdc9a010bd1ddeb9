package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, show and export against S3Mock, through the picocli wiring. */
class ListShowExportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] BINARY = {(byte) 0xF3, 0x00, (byte) 0xFF, 0x10, 0x0A};
    private static Archive archive;
    private static String jsonKey;
    private static String binaryKey;

    @TempDir
    static Path state;

    @BeforeAll
    static void fill() {
        archive = new Archive();
        jsonKey = archive.put(
                "orders-api",
                "customer/42",
                Instant.parse("2026-11-21T22:15:03.123Z"),
                "{\"orderId\":\"o-1\",\"amount\":42}");
        archive.put("orders-api", "customer/42", Instant.parse("2026-11-21T22:16:00Z"), "{\"orderId\":\"o-2\"}");
        binaryKey = archive.put("orders-api", "customer/7", Instant.parse("2026-11-21T23:59:59.999Z"), BINARY);
        archive.put("orders-api", "customer/7", Instant.parse("2026-11-22T00:00:00Z"), "plain text, not json");
        archive.put("billing", "b-1", Instant.parse("2026-11-21T10:00:00Z"), "{\"x\":1}");
        archive.putLossMarker(
                "orders-api",
                LocalDate.parse("2026-11-21"),
                "start sequence number is older than the " + "trim horizon");
    }

    @AfterAll
    static void close() {
        archive.close();
    }

    private Cli cli() {
        return new Cli(state, "--bucket", archive.bucket(), "--endpoint-url", archive.endpoint());
    }

    @Test
    void listGroupsByConsumerAndDayAndShowsLossMarkersProminently() {
        Cli.Result result = cli().run("list", "--consumer", "orders-api");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out())
                .containsPattern("orders-api\\s+2026-11-21\\s+3\\s")
                .containsPattern("orders-api\\s+2026-11-22\\s+1\\s")
                .containsPattern("TOTAL\\s+4\\s")
                .contains("1 LOSS MARKER(S)", "older than the trim horizon", "lost 3 of 3")
                .doesNotContain("billing");
    }

    @Test
    void listWithoutAConsumerCoversTheWholeArchive() {
        Cli.Result result = cli().run("list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out())
                .containsPattern("billing\\s+2026-11-21\\s+1\\s")
                .containsPattern("orders-api\\s+2026-11-21\\s+3\\s")
                .containsPattern("TOTAL\\s+5\\s")
                .contains("1 LOSS MARKER(S)");
    }

    @Test
    void listOneDayByKeyAsJsonListsOnlyThatDaysPrefix() throws Exception {
        Cli.Result result = cli().run(
                        "list",
                        "--consumer",
                        "orders-api",
                        "--from",
                        "2026-11-21",
                        "--to",
                        "2026-11-21",
                        "--by-key",
                        "--format",
                        "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json.path("groups")).hasSize(2);
        assertThat(json.path("groups").get(0).path("partitionKey").asText()).isEqualTo("customer/42");
        assertThat(json.path("groups").get(0).path("records").asLong()).isEqualTo(2);
        assertThat(json.path("groups").get(1).path("partitionKey").asText()).isEqualTo("customer/7");
        assertThat(json.path("total").path("records").asLong()).isEqualTo(3);
        assertThat(json.path("lossMarkers").path("count").asLong()).isEqualTo(1);
        assertThat(json.path("lossMarkers")
                        .path("markers")
                        .get(0)
                        .path("reason")
                        .asText())
                .contains("trim horizon");
    }

    @Test
    void listOfAnInstantWindowKeepsOnlyRecordsInside() {
        Cli.Result result = cli().run(
                        "list",
                        "--consumer",
                        "orders-api",
                        "--from",
                        "2026-11-21T22:15:30Z",
                        "--to",
                        "2026-11-22T00:00:00Z");

        assertThat(result.out())
                .containsPattern("orders-api\\s+2026-11-21\\s+2\\s")
                .containsPattern("orders-api\\s+2026-11-22\\s+1\\s");
    }

    @Test
    void showKeyPrintsTheEnvelopeAndPrettyJsonPayload() {
        Cli.Result result = cli().run("show", jsonKey);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out())
                .contains("customer/42", "RetryAttemptsExhausted", "\"orderId\" : \"o-1\"", "2026-11-21T22:15:03.123Z");
    }

    @Test
    void showRawWritesTheExactBytes() {
        Cli.Result result = cli().run("show", binaryKey, "--raw");

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.raw()).isEqualTo(BINARY);
    }

    @Test
    void showConsumerLimitShowsTheFirstRecordsInKeyOrder() throws Exception {
        Cli.Result result = cli().run("show", "--consumer", "orders-api", "--limit", "2", "--format", "json");

        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).path("payload").path("orderId").asText()).isEqualTo("o-1");
        assertThat(json.get(1).path("payload").path("orderId").asText()).isEqualTo("o-2");
    }

    @Test
    void exportJsonLinesKeepsBytesExactInBase64() throws Exception {
        Path file = state.resolve("export.jsonl");
        Cli.Result result =
                cli().run("export", "--consumer", "orders-api", "--as", "jsonl", "--output", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        JsonNode binary = lines.stream()
                .map(this::parse)
                .filter(n -> n.path("key").asText().equals(binaryKey))
                .findFirst()
                .orElseThrow();
        assertThat(Base64.getDecoder().decode(binary.path("data").asText())).isEqualTo(BINARY);
        assertThat(result.err()).contains("exported 4 record(s)");
    }

    @Test
    void exportJsonLinesWritesTheWholeEnvelopeAsArchived() throws Exception {
        Cli.Result result = cli().run("export", "--consumer", "orders-api", "--as", "jsonl");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        JsonNode line = result.out()
                .lines()
                .map(this::parse)
                .filter(n -> n.path("key").asText().equals(jsonKey))
                .findFirst()
                .orElseThrow();
        JsonNode archived = MAPPER.readTree(archive.store().get(jsonKey).orElseThrow());
        archived.fieldNames()
                .forEachRemaining(field -> assertThat(line.get(field)).as(field).isEqualTo(archived.get(field)));
        assertThat(line.path("version").asInt()).isEqualTo(1);
        assertThat(line.has("subSequenceNumber"))
                .as("a null sub-sequence number is written, as archived")
                .isTrue();
        assertThat(line.path("failure").path("batch").path("batchSize").asInt()).isEqualTo(1);
        assertThat(line.path("payload").path("orderId").asText()).isEqualTo("o-1");
        assertThat(line.path("dataBytes").asInt()).isEqualTo("{\"orderId\":\"o-1\",\"amount\":42}".length());
    }

    @Test
    void exportCsvQuotesPayloadsWithCommasAndQuotes() {
        Cli.Result result = cli().run("export", "--consumer", "orders-api", "--to", "2026-11-21", "--as", "csv");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        String[] rows = result.out().split("\r\n");
        assertThat(rows[0]).startsWith("key,consumer,streamArn");
        assertThat(rows).hasSize(4);
        assertThat(result.out())
                .contains(
                        "\"{\"\"orderId\"\":\"\"o-1\"\",\"\"amount\"\":42}\"",
                        ",base64," + Base64.getEncoder().encodeToString(BINARY));
    }

    @Test
    void anEmptySelectionExitsThreeSayingWhatWasLookedFor() {
        Cli.Result list = cli().run("list", "--consumer", "nobody");
        Cli.Result days = cli().run("list", "--consumer", "orders-api", "--from", "2026-12-01", "--to", "2026-12-03");
        Cli.Result show = cli().run("show", "--consumer", "orders-api", "--partition-key", "customer/99");
        Cli.Result export = cli().run("export", "--consumer", "orders-api", "--status", "failed");

        assertThat(list.exitCode()).isEqualTo(ExitCodes.NOTHING_MATCHED);
        assertThat(list.err().lines().toList())
                .containsExactly("pipes-replay: nothing matched the selection: no "
                        + "archived record of consumer nobody (any arrival time, any status) under s3://"
                        + archive.bucket()
                        + "/nobody/ (check --consumer, --from/--to, --status, --prefix and --bucket)");
        assertThat(days.exitCode()).isEqualTo(ExitCodes.NOTHING_MATCHED);
        // three day prefixes, then the loss markers and the wide-range notices of the consumer
        assertThat(days.err())
                .contains(
                        "arriving 2026-12-01T00:00:00Z to 2026-12-03T23:59:59.999Z",
                        "under s3://" + archive.bucket() + "/orders-api/2026-12-01/ and 4 more prefix(es)");
        assertThat(show.exitCode()).isEqualTo(ExitCodes.NOTHING_MATCHED);
        assertThat(show.err())
                .contains("nothing matched the selection: no archived record of consumer orders-api, "
                        + "partition key customer/99 (any arrival time, any status)");
        assertThat(export.exitCode()).isEqualTo(ExitCodes.NOTHING_MATCHED);
        assertThat(export.err()).contains("(any arrival time, status failed)");
    }

    @Test
    void badDateExitsTwoWithOneClearLine() {
        Cli.Result result = cli().run("list", "--consumer", "orders-api", "--from", "21/11/2026");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip())
                .isEqualTo("pipes-replay: bad --from '21/11/2026': expected a date "
                        + "(2026-11-21) or an ISO instant (2026-11-21T22:00:00Z)");
    }

    @Test
    void missingBucketExitsTwoWithOneClearLine() {
        Cli.Result result = new Cli(state, "--endpoint-url", archive.endpoint()).run("list", "--consumer", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().toList())
                .containsExactly("pipes-replay: missing --bucket (the archive bucket; or set PIPES_REPLAY_BUCKET)");
    }

    @Test
    void bucketThatDoesNotExistIsOneLineNotAStackTrace() {
        Cli.Result result = new Cli(state, "--bucket", "no-such-bucket-anywhere", "--endpoint-url", archive.endpoint())
                .run("list", "--consumer", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .startsWith("pipes-replay: bucket no-such-bucket-anywhere does not exist")
                .doesNotContain("\tat ");
    }

    private JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
