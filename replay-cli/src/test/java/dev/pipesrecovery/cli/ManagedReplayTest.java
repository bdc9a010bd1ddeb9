package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.cli.support.StandInStateMachine;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.plan.PlanLines;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code replay --engine stepfunctions} through the command line: the plan and run.json land in the archive (S3Mock)
 * and the execution is started on moto_server's Step Functions, whose recorded input is checked (moto cannot run the
 * replay state machine's DISTRIBUTED Map: a one-state machine stands in for it).
 */
class ManagedReplayTest {

    private static final String CONSUMER = "orders-api";
    private static final Instant DAY1 = Instant.parse("2026-11-21T22:00:00Z");
    private static final Pattern RUN_ID = Pattern.compile("Run (\\S+) started");

    private static ServiceEndpoints endpoints;
    private static SfnClient sfn;
    private static String stateMachineArn;

    @TempDir
    Path state;

    private Archive archive;

    @BeforeAll
    static void emulators() {
        endpoints = new ServiceEndpoints()
                .put("S3", Emulators.s3().endpoint())
                .put("Sfn", Emulators.moto().endpoint());
        sfn = LocalAws.configure(SfnClient.builder(), Emulators.moto().endpoint())
                .build();
        stateMachineArn = StandInStateMachine.create(sfn, "cli-test");
    }

    @AfterAll
    static void close() {
        endpoints.close();
        sfn.close();
    }

    @BeforeEach
    void fill() {
        archive = new Archive();
    }

    @AfterEach
    void empty() {
        archive.close();
    }

    @Test
    void writesThePlanAndRunJsonThenStartsTheStateMachineWithTheRunsSettingsAndSendsNothingItself() throws Exception {
        String first = archive.put(CONSUMER, "k1", DAY1, "one");
        archive.put(CONSUMER, "k1", DAY1.plusSeconds(1), "two");
        archive.put(CONSUMER, "k2", DAY1, "three");

        Cli.Result result = replay("--tolerated-failure-count", "3", "--yes");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Matcher runId = RUN_ID.matcher(result.out());
        assertThat(runId.find()).as(result.out()).isTrue();
        String run = runId.group(1);
        assertThat(result.out())
                .contains(
                        "Plan: 2 item(s)",
                        "at most 3 record(s)",
                        "status 'pending' is checked per record by the workers",
                        "_runs/" + run + "/plan.jsonl",
                        "aws stepfunctions describe-execution --execution-arn arn:aws:states:");

        List<PlanItem> plan = read("_runs/" + run + "/plan.jsonl")
                .lines()
                .map(PlanLines::parse)
                .toList();
        assertThat(plan)
                .extracting(PlanItem::partitionKey, PlanItem::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("k1", 2L), org.assertj.core.groups.Tuple.tuple("k2", 1L));
        JsonNode description = new ObjectMapper().readTree(read("_runs/" + run + "/run.json"));
        assertThat(description.path("engine").asText()).isEqualTo("stepfunctions");
        assertThat(description.path("consumer").asText()).isEqualTo(CONSUMER);
        assertThat(description.path("planRecords").asLong()).isEqualTo(3);
        assertThat(description.path("status").asText()).isEqualTo("pending");

        var executions = sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions().stream()
                .filter(e -> e.name().equals(run))
                .toList();
        assertThat(executions).hasSize(1);
        JsonNode input = new ObjectMapper()
                .readTree(sfn.describeExecution(
                                b -> b.executionArn(executions.get(0).executionArn()))
                        .input());
        assertThat(input.path("runId").asText()).isEqualTo(run);
        assertThat(input.path("planKey").asText()).isEqualTo("_runs/" + run + "/plan.jsonl");
        assertThat(input.path("rate").asDouble()).isEqualTo(10.0);
        assertThat(input.path("concurrency").asInt()).isEqualTo(2);
        assertThat(input.path("toleratedFailureCount").asInt()).isEqualTo(3);
        assertThat(input.has("toleratedFailurePercentage"))
                .as("left to the stack")
                .isFalse();
        assertThat(archive.tags(first)).doesNotContainKey(ReplayTags.STATUS);
    }

    @Test
    void statusReadsTheRecordedExecutionFromStepFunctionsAndSaysWhatItCannotRead() throws Exception {
        archive.put(CONSUMER, "k1", DAY1, "one");
        Cli.Result started = replay("--yes");
        Matcher runId = RUN_ID.matcher(started.out());
        assertThat(runId.find()).as(started.out()).isTrue();
        String run = runId.group(1);
        String executionArn = new ObjectMapper()
                .readTree(read("_runs/" + run + "/execution.json"))
                .path("executionArn")
                .asText();
        assertThat(executionArn).startsWith("arn:aws:states:").endsWith(":" + run);
        assertThat(started.out()).contains("pipes-replay status " + run);

        Cli.Result status = new Cli(state, "--bucket", archive.bucket()).run("status", run);

        assertThat(status.exitCode()).as(status.toString()).isZero();
        String moto = sfn.describeExecution(b -> b.executionArn(executionArn)).statusAsString();
        assertThat(status.out())
                .contains(
                        "(stepfunctions engine)",
                        "execution:  " + executionArn,
                        "status:     " + moto,
                        // moto 5.2.1 lists no Map Run for any execution: shown as unknown, the rest still shown
                        "map run:    unknown: ",
                        "keys:       0 checkpoint(s)",
                        "Next: ");
        JsonNode json = new ObjectMapper()
                .readTree(new Cli(state, "--bucket", archive.bucket(), "--format", "json")
                        .run("status", run)
                        .out());
        assertThat(json.path("execution").path("status").asText()).isEqualTo(moto);
        assertThat(json.path("execution").path("items").isNull()).isTrue();
        assertThat(json.path("planRecords").asLong()).isEqualTo(1);
    }

    @Test
    void aDryRunSumsThePlanUpAndWritesAndStartsNothing() {
        archive.put(CONSUMER, "k1", DAY1, "one");
        int before = sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn))
                .executions()
                .size();

        Cli.Result result = replay("--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Plan: 1 item(s)", "1 record(s)", "dry run: nothing written or started");
        try (var listing = archive.store().list("_runs/")) {
            assertThat(listing).isEmpty();
        }
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions())
                .hasSize(before);
    }

    @Test
    void withoutAStateMachineItIsAUsageErrorBeforeAnythingIsListed() {
        Cli.Result result = new Cli(state, "--bucket", archive.bucket())
                .run(
                        "replay",
                        "--consumer",
                        CONSUMER,
                        "--target",
                        "http",
                        "--url",
                        "http://127.0.0.1:9/unused",
                        "--engine",
                        "stepfunctions",
                        "--yes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--engine stepfunctions needs --state-machine ARN");
    }

    @Test
    void aPipeIsAUsageErrorSinceTheStacksPipeNameDecidesWhatItsWorkerSends() {
        Cli.Result result = replay("--pipe", "orders-api", "--yes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().toList())
                .containsExactly("pipes-replay: --pipe does not apply to --engine stepfunctions: the replay stack's"
                        + " worker sends what the pipe of its PipeName parameter sends (bin/deploy replay --params);"
                        + " drop --pipe, or replay from this machine with --engine local");
        assertThat(archive.store().list("_runs/").toList())
                .as("nothing planned or started")
                .isEmpty();
    }

    private Cli.Result replay(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "replay",
                "--consumer",
                CONSUMER,
                "--from",
                "2026-11-21",
                "--target",
                "http",
                "--url",
                "http://127.0.0.1:9/unused",
                "--engine",
                "stepfunctions",
                "--state-machine",
                stateMachineArn,
                "--rate",
                "10",
                "--concurrency",
                "2"));
        args.addAll(List.of(more));
        return new Cli(state, "--bucket", archive.bucket()).run(args.toArray(String[]::new));
    }

    private String read(String key) {
        return new String(
                archive.store().get(key).orElseThrow(() -> new AssertionError("no object " + key)),
                StandardCharsets.UTF_8);
    }
}
