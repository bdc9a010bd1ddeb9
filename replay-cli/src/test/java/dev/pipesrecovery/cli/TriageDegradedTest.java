package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ConsumerStage;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What no emulator produces, through the testkit's fault-injecting proxy: AWS refusing or not answering a call (the
 * check becomes "unknown: why" and the rest still runs), and pipe descriptions moto cannot hold (a failed start with
 * a hostile state reason; a pipe stopped on purpose, which moto_server moves back to STARTING on the next read). No
 * archive bucket here: the archive is an "unknown" of its own.
 */
class TriageDegradedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private ConsumerStage stage;
    private ServiceEndpoints endpoints;
    private FaultInjectingProxy pipesProxy;
    private FaultInjectingProxy cloudWatchProxy;

    @BeforeEach
    void deploy() {
        stage = new ConsumerStage(3600);
        pipesProxy = FaultInjectingProxy.inFrontOf(Emulators.moto());
        cloudWatchProxy = FaultInjectingProxy.inFrontOf(Emulators.moto());
        endpoints = new ServiceEndpoints()
                .put("S3", Emulators.s3().endpoint())
                .put("Sqs", Emulators.sqs().endpoint())
                .put("Kinesis", Emulators.kinesis().endpoint())
                .put("Pipes", pipesProxy.endpoint())
                .put("CloudWatch", cloudWatchProxy.endpoint());
    }

    @AfterEach
    void tearDown() {
        endpoints.close();
        pipesProxy.close();
        cloudWatchProxy.close();
        stage.close();
    }

    private Cli.Result triage(String... extra) {
        List<String> args = new ArrayList<>(List.of("triage", "--state-dir", state.toString()));
        args.addAll(List.of(extra));
        return new Cli(state).run(args.toArray(String[]::new));
    }

    /** DescribePipe's REST-JSON answer for this consumer, as AWS words it. */
    private String describePipe(String desired, String current, String reasonJson) {
        return "{\"Arn\":\"arn:aws:pipes:us-east-1:123456789012:pipe/" + stage.consumer() + "\",\"Name\":\""
                + stage.consumer() + "\",\"DesiredState\":\"" + desired + "\",\"CurrentState\":\"" + current
                + "\",\"StateReason\":" + reasonJson + ",\"Source\":\"arn:aws:kinesis:us-east-1:123456789012:stream/"
                + stage.stream() + "\",\"SourceParameters\":{\"KinesisStreamParameters\":{\"BatchSize\":1,"
                + "\"MaximumRecordAgeInSeconds\":3600,\"StartingPosition\":\"LATEST\",\"DeadLetterConfig\":{\"Arn\":"
                + "\"arn:aws:sqs:us-east-1:123456789012:" + stage.dlqName() + "\"}}},\"Target\":\"arn:aws:events:"
                + "us-east-1:123456789012:api-destination/x/1\",\"CreationTime\":1.7E9,\"LastModifiedTime\":1.7E9}";
    }

    private void answerDescribePipe(String body) {
        pipesProxy.injectAlways(
                RequestMatch.http("GET", "/v1/pipes/" + stage.consumer()),
                Fault.respond(200, "application/json", body));
    }

    @Test
    void aRefusedCloudWatchIsAnUnknownLineAndTheRestStillDecides() {
        cloudWatchProxy.injectAlways(
                RequestMatch.any(),
                Fault.respond(
                        403,
                        "text/xml",
                        "<ErrorResponse><Error>"
                                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User oncall is not authorized to perform: "
                                + "cloudwatch:GetMetricData</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"));

        Cli.Result result = triage("--consumer", stage.consumer());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        "last hour  unknown: cloudwatch:GetMetricData: access denied: User oncall "
                                + "is not authorized to perform: cloudwatch:GetMetricData",
                        "archive    unknown: no --bucket (or PIPES_REPLAY_BUCKET): the archive was not read",
                        "time left  nothing waits");
    }

    @Test
    void anArchiveThatCannotBeListedIsAnUnknownLine() {
        Cli.Result result = new Cli(state, "--bucket", "no-such-bucket-" + stage.consumer())
                .run("triage", "--consumer", stage.consumer(), "--state-dir", state.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains("archive    unknown: the archive could not be listed: bucket no-such-bucket-"
                        + stage.consumer() + " does not exist (check --bucket, --region and --endpoint-url)");
    }

    @Test
    void anUnreachablePipesApiLeavesThePipeUnknownAndTheOverridesFindTheRest() {
        pipesProxy.close(); // nothing listens on the Pipes endpoint any more

        Cli.Result result =
                triage("--consumer", stage.consumer(), "--dlq-url", stage.dlqUrl(), "--stream", stage.stream());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(result.out())
                .contains(
                        "pipe       unknown: pipes:DescribePipe: cannot reach AWS:",
                        "stream     " + stage.stream() + " · retention 24 h",
                        "DLQ        " + stage.dlqName() + " · 0 message(s)",
                        "poison     "
                                + stage.poisonUrl().substring(stage.poisonUrl().lastIndexOf('/') + 1),
                        "UNKNOWN    the pipe's state is unknown",
                        "next: aws pipes describe-pipe --name \"" + stage.consumer());
    }

    @Test
    void aPipeThatFailedToStartIsAtRiskAndItsStateReasonCannotDriveTheTerminal() throws Exception {
        String reason = "Target returned 403 \u001b]0;owned\u0007\u001b[2J then \u202etxt.exe\nFAKE LINE";
        answerDescribePipe(describePipe("RUNNING", "START_FAILED", JSON.writeValueAsString(reason)));

        Cli.Result text = triage("--consumer", stage.consumer());
        Cli.Result json = triage("--consumer", stage.consumer(), "--format", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.RECORDS_AT_RISK);
        assertThat(text.out())
                .contains(
                        "START_FAILED (desired RUNNING) · reason: Target returned 403 "
                                + "\\x1b]0;owned\\x07\\x1b[2J then \\u202etxt.exe\\x0aFAKE LINE",
                        "AT RISK    pipe " + stage.consumer() + " is START_FAILED",
                        "next: aws pipes start-pipe --name \"" + stage.consumer() + "\"")
                .doesNotContain("\u001b", "\u0007", "\u202e", "\nFAKE LINE");
        JsonNode pipe = JSON.readTree(json.out()).path("consumers").get(0).path("pipe");
        assertThat(pipe.path("stateReason").asText()).isEqualTo(reason); // JSON stays exact
    }

    @Test
    void aPipeStoppedOnPurposeNeedsAttention() {
        answerDescribePipe(describePipe("STOPPED", "STOPPED", "null"));

        Cli.Result result = triage("--consumer", stage.consumer());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ATTENTION);
        assertThat(result.out())
                .contains(
                        "pipe       STOPPED (desired STOPPED)",
                        "ATTENTION  pipe " + stage.consumer()
                                + " is STOPPED (desired STOPPED), on purpose: records wait in the stream and the stream trims them "
                                + "after 24 h",
                        "next: aws pipes start-pipe --name \"" + stage.consumer() + "\"");
    }

    @Test
    void withoutConsumerEveryKinesisPipeOfTheRegionIsTriaged() throws Exception {
        try (ConsumerStage second = new ConsumerStage(600)) {
            Cli.Result result = triage("--format", "json");

            List<String> consumers = new ArrayList<>();
            JSON.readTree(result.out())
                    .path("consumers")
                    .forEach(c -> consumers.add(c.path("consumer").asText()));
            assertThat(consumers).as(result.toString()).contains(stage.consumer(), second.consumer());
        }
    }

    @Test
    void expiredCredentialsEndTriageWithTheOneLineEveryCommandPrints() {
        pipesProxy.injectAlways(
                RequestMatch.http("GET", "/v1/pipes"),
                Fault.respond(
                        403,
                        "application/json",
                        "{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request "
                                + "is expired\"}"));

        Cli.Result result = triage();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip())
                .as(result.toString())
                .startsWith("pipes-replay: the AWS credentials have " + "expired (ExpiredTokenException)")
                .doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void withoutConsumerAndNoListPipesTheVerdictIsUnknown() {
        pipesProxy.injectAlways(
                RequestMatch.http("GET", "/v1/pipes"),
                Fault.respond(403, "application/json", "{\"message\":\"not authorized to perform: pipes:ListPipes\"}"));

        Cli.Result result = triage();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNKNOWN);
        assertThat(result.out())
                .contains("unknown: cannot list the region's pipes: pipes:ListPipes:", "Name one with --consumer.");
    }

    @Test
    void badInputIsAUsageErrorInOneLine() {
        assertThat(triage("--dlq-url", "http://q").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(triage("--consumer", "a", "--consumer", "b", "--stream", "s").err())
                .contains("give exactly one --consumer");
        assertThat(triage("--consumer", "a", "--peek", "101").err()).contains("--peek must be 0 to 100");
        assertThat(triage("--consumer", "a", "--since", "yesterday").err()).contains("bad --since 'yesterday'");
        assertThat(triage("--consumer", "a", "--at-risk-below", "soon").err()).contains("bad --at-risk-below 'soon'");
        assertThat(triage("--consumer", "no such pipe\u001b[2J").err())
                .contains("bad --consumer: consumer 'no such pipe\\x1b[2J' must match");
    }
}
