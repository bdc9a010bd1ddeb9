package dev.pipesrecovery.replay.worker;

import static dev.pipesrecovery.replay.worker.WorkerRig.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.PartnerApi.Answer;
import dev.pipesrecovery.testkit.lambda.FakeRuntimeApi;
import dev.pipesrecovery.testkit.lambda.LambdaRuntimeProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;

/**
 * The packaged worker, started by the real Lambda runtime interface client against a local Runtime API, configured
 * as cloudformation/replay.yaml configures it: the archive on S3Mock (which honours the checkpoints' If-Match and
 * If-None-Match), the target an API destination on moto_server ({@code DescribeApiDestination}) whose endpoint is the
 * testkit's partner API. Proves the handler string, the stream in and out, the init-phase wiring from the environment
 * (standard {@code AWS_ENDPOINT_URL_*} overrides, no test code path), the budget and the error response together.
 */
class ReplayWorkerRuntimeIT {

    static final String HANDLER = "dev.pipesrecovery.replay.worker.ReplayWorkerHandler::handleRequest";
    static final String FUNCTION = "pipes-recovery-replay-worker";
    private static final String KEY = "customer/42";
    private static final Duration AMPLE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkerRig rig;

    ReplayWorkerRuntimeIT() throws Exception {
        rig = new WorkerRig();
        rig.startRun("pending");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    /** Also the plain path: one key's records in order through the API destination, the item DONE, JSON logs. */
    @Test
    void aSmallBudgetAnswersNotDoneAndTheNextInvocationGoesOnInOrderWithoutLossOrDuplicate() throws Exception {
        PlanItem item = rig.item(KEY, 0, puts(8));
        rig.partner.delay(300);

        try (FakeRuntimeApi runtime = new FakeRuntimeApi(FUNCTION);
                LambdaRuntimeProcess function = start(runtime, environment())) {
            // one second of budget once the handler keeps its margin back
            Duration shortInvocation = ReplayWorkerHandler.ANSWER_MARGIN.plusSeconds(1);
            FakeRuntimeApi.Answer first = runtime.awaitAnswer(runtime.invoke(payload(item), shortInvocation), AMPLE);

            assertThat(first.error()).as(function.output()).isFalse();
            assertThat(JSON.readTree(first.body()).path("done").asBoolean()).isFalse();
            int sentFirst = rig.partner.accepted().size();
            assertThat(sentFirst).isBetween(1, 7);

            FakeRuntimeApi.Answer second = runtime.awaitAnswer(runtime.invoke(payload(item), AMPLE), AMPLE);

            assertThat(second.error()).as(function.output()).isFalse();
            assertThat(JSON.readTree(second.body()).path("done").asBoolean()).isTrue();
            assertThat(rig.accepted()).containsExactly(Map.entry(KEY, List.of(0, 1, 2, 3, 4, 5, 6, 7)));
            // the API destination's method and endpoint, as DescribeApiDestination gave them
            assertThat(rig.partner.accepted()).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("PUT");
                assertThat(r.path()).isEqualTo("/orders");
            });
            assertThat(rig.checkpoint(KEY, 0).status()).isEqualTo(KeyCheckpoint.Status.DONE);
            List<String> jsonLines = function.output()
                    .lines()
                    .filter(line -> line.startsWith("{"))
                    .toList();
            assertThat(jsonLines).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> {
                assertThat(JSON.readTree(line).path("level").asText()).isNotEmpty();
                assertThat(line).doesNotContain("\"n\":"); // never a payload
            });
        }
    }

    @Test
    void aFreshFunctionAfterAKillResumesFromTheCheckpointResendingAtMostTheRecordInFlight() throws Exception {
        PlanItem item = rig.item(KEY, 0, puts(10));
        rig.partner.delay(400);

        try (FakeRuntimeApi runtime = new FakeRuntimeApi(FUNCTION);
                LambdaRuntimeProcess function = start(runtime, environment())) {
            runtime.invoke(payload(item), AMPLE);
            awaitReceived(3, function);
            function.kill(); // mid-item: Lambda ends the environment (timeout, out of memory, crash)
        }
        int beforeKill = rig.partner.received().size();
        assertThat(beforeKill).isLessThan(10);

        try (FakeRuntimeApi runtime = new FakeRuntimeApi(FUNCTION);
                LambdaRuntimeProcess fresh = start(runtime, environment())) {
            FakeRuntimeApi.Answer answer = runtime.awaitAnswer(runtime.invoke(payload(item), AMPLE), AMPLE);

            assertThat(answer.error()).as(fresh.output()).isFalse();
            assertThat(JSON.readTree(answer.body()).path("done").asBoolean()).isTrue();
        }
        List<Integer> sent = rig.accepted().get(KEY);
        // in order, nothing lost; at most the one record in flight at the kill came twice, back to back
        assertThat(sent.stream().distinct().toList())
                .containsExactly(IntStream.range(0, 10).boxed().toArray(Integer[]::new));
        assertThat(sent).hasSizeLessThanOrEqualTo(11);
        assertThat(rig.checkpoint(KEY, 0).status()).isEqualTo(KeyCheckpoint.Status.DONE);
    }

    @Test
    void aFinalFailureIsAnInvocationErrorAndTheKeysCheckpointSaysFailed() throws Exception {
        PlanItem item = rig.item(KEY, 0, puts(3));
        rig.partner.then(Answer.of(204), 1).always(Answer.of(400)); // 4xx other than 401/407/409/429: final

        try (FakeRuntimeApi runtime = new FakeRuntimeApi(FUNCTION);
                LambdaRuntimeProcess function = start(runtime, environment())) {
            FakeRuntimeApi.Answer answer = runtime.awaitAnswer(runtime.invoke(payload(item), AMPLE), AMPLE);

            assertThat(answer.error()).as(function.output()).isTrue();
            JsonNode error = JSON.readTree(answer.body());
            assertThat(error.path("errorType").asText()).isEqualTo(ReplayItemFailed.class.getName());
            assertThat(error.path("errorMessage").asText()).contains("FAILED").doesNotContain("\"n\":");
        }
        assertThat(rig.accepted()).containsExactly(Map.entry(KEY, List.of(0)));
        assertThat(rig.checkpoint(KEY, 0).status()).isEqualTo(KeyCheckpoint.Status.FAILED);
    }

    @Test
    void aMisconfiguredFunctionFailsItsInitPhaseNamingTheVariable() throws Exception {
        Map<String, String> noTarget = new HashMap<>(environment());
        noTarget.remove(ReplayWorkerConfig.REPLAY_TARGET_ARN);

        try (FakeRuntimeApi runtime = new FakeRuntimeApi(FUNCTION);
                LambdaRuntimeProcess function = start(runtime, noTarget)) {
            String requestId = runtime.invoke("{}", AMPLE);

            assertThatThrownBy(() -> runtime.awaitAnswer(requestId, Duration.ofSeconds(60)))
                    .as("function output:%n%s", function.output())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed to initialise")
                    .hasMessageContaining("REPLAY_TARGET_ARN is required");
        }
    }

    private List<String> puts(int records) {
        return IntStream.range(0, records).mapToObj(n -> rig.put(KEY, n)).toList();
    }

    private void awaitReceived(int requests, LambdaRuntimeProcess function) throws InterruptedException {
        long deadline = System.nanoTime() + AMPLE.toNanos();
        while (rig.partner.received().size() < requests) {
            if (System.nanoTime() > deadline || !function.isAlive()) {
                throw new AssertionError(
                        "the function sent " + rig.partner.received().size() + " requests:\n" + function.output());
            }
            Thread.sleep(20);
        }
    }

    static LambdaRuntimeProcess start(FakeRuntimeApi runtime, Map<String, String> environment) throws IOException {
        return LambdaRuntimeProcess.start(
                artifact(), LambdaRuntimeProcess.ricClasspathFromBuild(), HANDLER, runtime.address(), environment);
    }

    private Map<String, String> environment() {
        return environment(rig, apiDestination(rig.partner.url("/orders")));
    }

    /** As replay.yaml sets it, plus what points the SDK at the emulators (the standard variables only). */
    static Map<String, String> environment(WorkerRig rig, String apiDestinationArn) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_S3", Emulators.s3().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", Emulators.moto().endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION);
        env.put(ReplayWorkerConfig.ARCHIVE_BUCKET, rig.archive.bucket());
        env.put(ReplayWorkerConfig.ARCHIVE_PREFIX, rig.layout.prefix());
        env.put(ReplayWorkerConfig.REPLAY_CONSUMER, WorkerRig.CONSUMER);
        env.put(ReplayWorkerConfig.REPLAY_TARGET_KIND, "http");
        env.put(ReplayWorkerConfig.REPLAY_TARGET_ARN, apiDestinationArn);
        env.put(ReplayWorkerConfig.REPLAY_CONNECTION, "");
        return env;
    }

    /** An API destination on moto_server (with the connection every destination needs) sending PUT to {@code url}. */
    static String apiDestination(String url) {
        String name = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventBridgeClient events = LocalAws.configure(
                        EventBridgeClient.builder(), Emulators.moto().endpoint())
                .build()) {
            String connectionArn = events.createConnection(c -> c.name(name)
                            .authorizationType(ConnectionAuthorizationType.API_KEY)
                            .authParameters(p -> p.apiKeyAuthParameters(
                                    k -> k.apiKeyName("x-api-key").apiKeyValue("unused"))))
                    .connectionArn();
            return events.createApiDestination(b -> b.name(name)
                            .connectionArn(connectionArn)
                            .invocationEndpoint(url)
                            .httpMethod("PUT"))
                    .apiDestinationArn();
        }
    }

    static Path artifact() {
        return Path.of(System.getProperty("worker.artifact", "target/pipes-recovery-replay-worker-0.1.0-SNAPSHOT.jar"));
    }
}
