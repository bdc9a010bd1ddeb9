package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producer-controlled bytes (partition keys, payloads, DLQ fields, loss-marker reasons) never reach a terminal or a
 * spreadsheet raw: text output escapes control characters, CSV neutralises formulas; --raw and JSON stay exact.
 */
class UntrustedDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Sets the terminal title, clears the screen, forges a line; then an 8-bit CSI and a right-to-left override. */
    private static final String EVIL_KEY = "k\u001b]0;pwned\u0007\u001b[2J\nTOTAL 999\u009b31m\u202egpj.exe";

    private static final String EVIL_TEXT = "line 1\n\u001b[31mred\u001b[0m\rhidden\tend\u0085";
    private static Archive archive;
    private static String evilKeyObject;
    private static String evilTextObject;

    @TempDir
    static Path state;

    @BeforeAll
    static void fill() {
        archive = new Archive();
        Instant t0 = Instant.parse("2026-11-21T22:00:00Z");
        // JSON escapes C0 in strings (\\u001b stays escaped when pretty-printed) but allows C1 raw
        evilKeyObject = archive.put("orders-api", EVIL_KEY, t0, "{\"note\":\"\\u001b[2J\u009b\"}");
        evilTextObject = archive.put("orders-api", "plain", t0.plusSeconds(1), EVIL_TEXT);
        archive.put("orders-api", "formulas", t0.plusSeconds(2), "=HYPERLINK(\"http://evil\",\"x\")");
        archive.put("orders-api", "+1", t0.plusSeconds(3), "-2+3");
        archive.put("orders-api", "@SUM", t0.plusSeconds(4), "\tcmd");
        archive.put("orders-api", "cr", t0.plusSeconds(5), "\r=1");
        archive.putLossMarker("orders-api", LocalDate.parse("2026-11-21"), "GONE \u001b[2J\u009b1;1H forged");
    }

    @AfterAll
    static void close() {
        archive.close();
    }

    private Cli cli() {
        return new Cli(state, "--bucket", archive.bucket(), "--endpoint-url", archive.endpoint());
    }

    @Test
    void showEscapesControlCharactersInTheEnvelopeAndThePayload() {
        Cli.Result result = cli().run("show", "--consumer", "orders-api");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertNoControlCharactersButLineBreaks(result.out());
        assertThat(result.out())
                .contains(
                        "partition key:       k\\x1b]0;pwned\\x07\\x1b[2J\\x0aTOTAL 999\\u009b31m" + "\\u202egpj.exe",
                        "\\x1b[31mred\\x1b[0m\\x0dhidden\tend\\u0085",
                        "\\u001B[2J\\u009b");
        assertThat(result.out().lines().filter(line -> line.startsWith("TOTAL")))
                .isEmpty();
    }

    @Test
    void rawAndJsonStayExact() throws Exception {
        assertThat(cli().run("show", evilTextObject, "--raw").raw())
                .isEqualTo(EVIL_TEXT.getBytes(StandardCharsets.UTF_8));

        JsonNode json = MAPPER.readTree(
                cli().run("show", evilKeyObject, "--format", "json").out());
        assertThat(json.get(0).path("partitionKey").asText()).isEqualTo(EVIL_KEY);
        JsonNode line = MAPPER.readTree(cli().run("export", "--consumer", "orders-api", "--partition-key", "plain")
                .out());
        assertThat(line.path("text").asText()).isEqualTo(EVIL_TEXT);
    }

    @Test
    void listByKeyAndLossMarkersAreEscaped() {
        Cli.Result result = cli().run("list", "--consumer", "orders-api", "--by-key");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertNoControlCharactersButLineBreaks(result.out());
        assertThat(result.out())
                .contains("k\\x1b]0;pwned\\x07\\x1b[2J\\x0aTOTAL 999", "GONE \\x1b[2J\\u009b1;1H forged");
        assertThat(result.out().lines().filter(line -> line.startsWith("TOTAL")))
                .hasSize(1);
    }

    @Test
    void csvNeutralisesFormulasAsOwaspRecommends() {
        Cli.Result result = cli().run("export", "--consumer", "orders-api", "--as", "csv");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        List<String> cells = Arrays.stream(result.out().split("\r\n"))
                .skip(1)
                .flatMap(row -> Arrays.stream(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)))
                .map(cell -> cell.startsWith("\"")
                        ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"")
                        : cell)
                .toList();
        assertThat(cells)
                .contains("'=HYPERLINK(\"http://evil\",\"x\")", "'-2+3", "'+1", "'@SUM", "'\tcmd", "'\r=1")
                .noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
    }

    private static void assertNoControlCharactersButLineBreaks(String output) {
        assertThat(output.chars()
                        .filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == 0x202e))
                .as(output)
                .isEmpty();
    }
}
