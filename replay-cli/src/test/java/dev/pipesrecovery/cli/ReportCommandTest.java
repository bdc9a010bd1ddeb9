package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.IncidentArchive;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.ProxiedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} against S3Mock through the picocli wiring: what the page holds, escaping, the read bound, runs. */
class ReportCommandTest {

    private static Archive archive;

    @TempDir
    static Path state;

    @TempDir
    Path out;

    @BeforeAll
    static void fill() throws Exception {
        archive = new Archive();
        IncidentArchive.fill(archive);
        IncidentArchive.writeRunReports(state.resolve("runs"));
    }

    @AfterAll
    static void close() {
        archive.close();
    }

    /** report --consumer orders-api --from 2026-11-21 --state-dir S [extra...] through S3 at {@code endpoint}. */
    private Cli.Result report(String endpoint, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("report", "--consumer", "orders-api", "--from", "2026-11-21", "--state-dir", state.toString()));
        args.addAll(List.of(extra));
        return new Cli(state, "--bucket", archive.bucket(), "--endpoint-url", endpoint)
                .run(args.toArray(String[]::new));
    }

    @Test
    void writesOnePageWithTheTimelineKeysShardsLossesAndRuns() throws Exception {
        Path file = out.resolve("incident.html");
        Cli.Result result = report(archive.endpoint(), "--output", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .startsWith("wrote " + file)
                .contains(IncidentArchive.RECORDS + " record(s) archived")
                .contains(IncidentArchive.LOST + " lost (1 loss marker(s))");
        String html = Files.readString(file);
        // one bar per minute with records: 22:10, 22:11, 22:12 (the lost batch's first record), 22:15, 22:30
        assertThat(count(html, "<g class=\"bucket\"")).isEqualTo(5);
        assertThat(html)
                .contains("data-start=\"2026-11-21T22:11:00Z\" data-total=\"2\"")
                .contains("data-start=\"2026-11-21T22:12:00Z\" data-total=\"" + IncidentArchive.LOST + "\"")
                .contains("RecordAgeExceeded: 1")
                .contains("lost: RetryAttemptsExhausted: " + IncidentArchive.LOST)
                .contains("Exact counts: every record&#39;s condition was read.");
        assertThat(html).contains("shardId-000000000003").contains(">customer-7<");
        assertThat(html).contains("records lost (not archived)").contains("start sequence number is older");
        // runs of this consumer only, worst first in the card; the other consumer's and the anonymous one left out
        assertThat(html)
                .contains("20261122T080000Z-aaaa")
                .contains("some failed")
                .contains("20261122T090000Z-bbbb")
                .contains("stopped by the circuit breaker")
                .contains("Not run reports, not shown: 20261122T120000Z-eeee.json: not JSON")
                .doesNotContain("20261122T100000Z-cccc")
                .contains("1 run report(s) do not say which consumer");
        assertThat(html).doesNotContain("billing-key");
    }

    @Test
    void escapesEveryPieceOfArchiveData() throws Exception {
        Path file = out.resolve("incident.html");
        assertThat(report(archive.endpoint(), "--output", file.toString()).exitCode())
                .isZero();
        String html = Files.readString(file);

        assertThat(html)
                .doesNotContain(IncidentArchive.SCRIPT_KEY)
                .doesNotContain("<img")
                .doesNotContain("\u001b")
                .doesNotContain("\u202e");
        assertThat(html)
                .contains("&lt;script&gt;alert(&quot;key&quot;)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("\\x1b[31mred")
                .contains("\\u202eevil");
        // the reason and the blocked key of a run report are archive-derived too
        assertThat(html).contains("&lt;b&gt;trimmed&lt;/b&gt;").contains("&lt;i&gt;blocked&lt;/i&gt;");
        // self-contained: no element loads anything, no script (escaped text may say "src=", a tag may not)
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContainPattern("<[^>]*\\s(src|href)\\s*=")
                .contains("default-src 'none'");
    }

    @Test
    void readsAtMostMaxReadsRecordsAndSaysTheSplitIsEstimated() throws Exception {
        try (FaultInjectingProxy s3 = FaultInjectingProxy.inFrontOf(Emulators.s3())) {
            Path file = out.resolve("sampled.html");
            Cli.Result result = report(s3.endpoint().toString(), "--output", file.toString(), "--max-reads", "3");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("read 3 record(s) and 1 loss marker(s)");
            String objectPath = "/" + archive.bucket() + "/";
            long objectGets = s3.requests().stream()
                    .filter(r -> r.method().equals("GET"))
                    .map(ProxiedRequest::path)
                    .filter(p -> p.startsWith(objectPath) && p.length() > objectPath.length())
                    .count();
            assertThat(objectGets)
                    .as("GETs of objects: 3 records + 1 loss marker")
                    .isEqualTo(4);
            String html = Files.readString(file);
            assertThat(html)
                    .contains("3 of " + IncidentArchive.RECORDS + " archived records were read")
                    .contains("estimated");
            assertThat(count(html, "<g class=\"bucket\"")).isEqualTo(5);
        }
    }

    @Test
    void readsNoRecordWithMaxReadsZero() throws Exception {
        Path file = out.resolve("none.html");
        Cli.Result result = report(archive.endpoint(), "--output", file.toString(), "--max-reads", "0");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(file))
                .contains(">condition not read (" + IncidentArchive.RECORDS + ")<")
                .contains("No record was read for its condition (--max-reads 0)");
    }

    @Test
    void anEmptySelectionWritesNothingAndSaysWhy() {
        Path file = out.resolve("empty.html");
        Cli.Result result = new Cli(state, "--bucket", archive.bucket(), "--endpoint-url", archive.endpoint())
                .run("report", "--consumer", "nobody", "--output", file.toString(), "--state-dir", state.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.NOTHING_MATCHED);
        assertThat(result.err()).contains("nothing matched the selection").contains("no report written");
        assertThat(file).doesNotExist();
    }

    @Test
    void badNumbersAreUsageErrors() {
        Cli.Result result = report(archive.endpoint(), "--max-reads", "-1");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).doesNotContain("\n").contains("--max-reads");
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
