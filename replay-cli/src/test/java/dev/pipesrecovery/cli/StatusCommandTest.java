package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunProgress;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.testkit.PartnerApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status RUN} of a local run, read from the bucket (S3Mock) by a machine that did not run it. */
class StatusCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    /** A producer's partition key with a terminal escape: status must not print it raw. */
    private static final String HOSTILE_KEY = "k1\u001b[2J";

    @TempDir
    Path runner;

    @TempDir
    Path elsewhere;

    @Test
    void showsKeysTotalsAndTheFailedKeyEscapedAndSaysWhatToDoNext() throws Exception {
        try (Archive archive = new Archive();
                PartnerApi partner = new PartnerApi().then(PartnerApi.Answer.of(422), 1)) {
            archive.put("orders-api", HOSTILE_KEY, T0, "{\"n\":0}");
            archive.put("orders-api", HOSTILE_KEY, T0.plusMillis(1), "{\"n\":1}");
            archive.put("orders-api", "k2", T0, "{\"n\":2}");
            archive.put("orders-api", "k3", T0, "{\"n\":3}");
            Cli.Result replay = new Cli(
                            runner,
                            "--bucket",
                            archive.bucket(),
                            "--endpoint-url",
                            archive.endpoint(),
                            "--format",
                            "json")
                    .run(
                            "replay",
                            "--consumer",
                            "orders-api",
                            "--partition-key",
                            HOSTILE_KEY,
                            "--target",
                            "http",
                            "--url",
                            partner.url("/orders"),
                            "--rate",
                            "0",
                            "--yes");
            assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(ExitCodes.SOME_FAILED);
            String identity = MAPPER.readTree(replay.out())
                    .path("summary")
                    .path("runIdentity")
                    .asText();

            Cli.Result text = elsewhere(archive).run("status", identity);

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.SOME_FAILED);
            assertThat(text.out())
                    .contains(
                            "Run " + identity + " (local engine)",
                            "attempt:    finished ",
                            "0 sent, 1 failed, 1 held back",
                            "keys:       1 checkpoint(s): 0 done, 0 running, 1 failed, 0 blocked; 0 record(s) delivered",
                            "FAILED orders-api k1\\x1b[2J: HTTP 422",
                            "Next: fix what the errors above say, then run the same `pipes-replay replay` command");
            assertThat(text.out()).doesNotContain("\u001b");

            Cli.Result json = elsewhere(archive, "--format", "json").run("status", identity);
            JsonNode doc = MAPPER.readTree(json.out());
            assertThat(doc.path("engine").asText()).isEqualTo("local");
            assertThat(doc.path("keys").path("failed").asLong()).isEqualTo(1);
            assertThat(doc.path("keys")
                            .path("problems")
                            .get(0)
                            .path("partitionKey")
                            .asText())
                    .as("JSON keeps the exact value")
                    .isEqualTo(HOSTILE_KEY);
            assertThat(doc.path("progress").path("recordsFailed").asLong()).isEqualTo(1);
            assertThat(doc.path("progress").path("finished").asBoolean()).isTrue();

            Cli.Result limited = elsewhere(archive).run("status", identity, "--keys", "0");
            assertThat(limited.out()).contains("1 checkpoint(s), 0 read (--keys)");
        }
    }

    @Test
    void aRunThatIsNotThereIsOneLineAndExitThree() {
        try (Archive archive = new Archive()) {
            Cli.Result missing = elsewhere(archive).run("status", "no-such-run");

            assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOTHING_MATCHED);
            assertThat(missing.err().strip().lines()).hasSize(1);
            assertThat(missing.err())
                    .contains("no run no-such-run in s3://" + archive.bucket() + "/_runs/no-such-run/");

            Cli.Result bad = elsewhere(archive).run("status", "../x");
            assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(new String(bad.err().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .contains("bad RUN");
        }
    }

    @Test
    void withoutARunListsTheBucketsRunsNewestFirstAndSaysWhichNeedAttention() throws Exception {
        try (Archive archive = new Archive();
                PartnerApi partner = new PartnerApi().then(PartnerApi.Answer.of(422), 1)) {
            Cli elsewhereCli = elsewhere(archive);
            Cli.Result empty = elsewhereCli.run("status");
            assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(ExitCodes.OK);
            assertThat(empty.out().strip().lines()).hasSize(1);
            assertThat(empty.out()).startsWith("No replay runs in s3://" + archive.bucket() + "/_runs/");

            archive.put("orders-api", "k1", T0, "{\"n\":0}");
            archive.put("orders-api", "k2", T0, "{\"n\":1}");
            archive.put("billing", "b1", T0, "{\"n\":2}");
            String failed = replay(archive, partner, "orders-api"); // the partner's one 422 fails a key
            String clean = replay(archive, partner, "billing");
            // what a machine killed mid-run leaves: progress.json not rewritten for 10 minutes
            Instant now = Instant.now();
            String stalled = "20261127T000000Z-0badf00d";
            RunStateKeys stalledRun = RunStateKeys.of(new KeyLayout(""), stalled);
            archive.store()
                    .putIfAbsent(new ArchiveWrite(
                            stalledRun.runJson(),
                            new RunDescription(
                                            stalled,
                                            "local",
                                            HOSTILE_KEY,
                                            null,
                                            null,
                                            null,
                                            "pending",
                                            "http",
                                            0,
                                            1,
                                            null,
                                            now.minus(Duration.ofHours(1)).toString(),
                                            0,
                                            0,
                                            0)
                                    .toJson()));
            archive.store()
                    .putIfAbsent(new ArchiveWrite(
                            stalledRun.progress(),
                            new RunProgress(
                                            now.minus(Duration.ofHours(1)).toString(),
                                            now.minus(Duration.ofMinutes(10)).toString(),
                                            false,
                                            5,
                                            0,
                                            0,
                                            0,
                                            2,
                                            0,
                                            0,
                                            null)
                                    .toJson()));

            Cli.Result text = elsewhereCli.run("status");

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.OK);
            List<String> lines = text.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("3 run(s) in s3://" + archive.bucket() + "/_runs/, newest first:");
            assertThat(lines.get(1)).startsWith("RUN").contains("ENGINE", "CONSUMER", "STARTED", "KEYS D/F/B");
            assertThat(lines.get(2)).startsWith(clean).contains("local", "billing", " 1/0/0 ", "finished");
            assertThat(lines.get(3)).startsWith(failed).contains("orders-api", "/1/0 ", "finished");
            assertThat(lines.get(4)).startsWith(stalled).contains("k1\\x1b[2J", " 2/0/0 ", "STALLED: no update since ");
            assertThat(lines.get(5)).startsWith("2 of these need attention");
            assertThat(text.out()).doesNotContain("\u001b");

            Cli.Result newest = elsewhereCli.run("status", "--limit", "1");
            assertThat(newest.out().lines().toList())
                    .hasSize(4)
                    .first()
                    .isEqualTo(
                            "3 run(s) in s3://" + archive.bucket() + "/_runs/, the 1 newest (--limit), newest first:");
            assertThat(newest.out()).contains(clean).doesNotContain(failed);

            Cli.Result json = elsewhere(archive, "--format", "json").run("status");
            JsonNode doc = MAPPER.readTree(json.out());
            assertThat(doc.path("found").asLong()).isEqualTo(3);
            assertThat(doc.path("runs").findValuesAsText("runId")).containsExactly(clean, failed, stalled);
            JsonNode hostile = doc.path("runs").get(2);
            assertThat(hostile.path("consumer").asText())
                    .as("JSON keeps the exact value")
                    .isEqualTo(HOSTILE_KEY);
            assertThat(hostile.path("needsAttention").asBoolean()).isTrue();
            assertThat(hostile.path("progress").path("recordsSent").asLong()).isEqualTo(5);

            Cli.Result badLimit = elsewhereCli.run("status", "--limit", "-1");
            assertThat(badLimit.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badLimit.err()).contains("--limit must be >= 0");
        }
    }

    /** pipes-replay on a machine that did not run the replay, on the archive's bucket. */
    private Cli elsewhere(Archive archive, String... options) {
        List<String> global =
                new java.util.ArrayList<>(List.of("--bucket", archive.bucket(), "--endpoint-url", archive.endpoint()));
        global.addAll(List.of(options));
        return new Cli(elsewhere, global.toArray(String[]::new));
    }

    /** A real local replay of one consumer to the partner; returns its run identity. */
    private String replay(Archive archive, PartnerApi partner, String consumer) throws Exception {
        Cli.Result replay = new Cli(
                        runner, "--bucket", archive.bucket(), "--endpoint-url", archive.endpoint(), "--format", "json")
                .run(
                        "replay",
                        "--consumer",
                        consumer,
                        "--target",
                        "http",
                        "--url",
                        partner.url("/" + consumer),
                        "--rate",
                        "0",
                        "--yes");
        assertThat(replay.exitCode()).as(replay.toString()).isIn(ExitCodes.OK, ExitCodes.SOME_FAILED);
        return MAPPER.readTree(replay.out()).path("summary").path("runIdentity").asText();
    }
}
