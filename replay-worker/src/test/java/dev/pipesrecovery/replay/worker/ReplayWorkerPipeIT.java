package dev.pipesrecovery.replay.worker;

import static dev.pipesrecovery.replay.worker.WorkerRig.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.cli.support.TemplatedPipe;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.PartnerApi.Received;
import dev.pipesrecovery.testkit.lambda.FakeRuntimeApi;
import dev.pipesrecovery.testkit.lambda.LambdaRuntimeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.pipes.PipesClient;

/**
 * A managed replay for a pipe ({@code REPLAY_PIPE}, replay.yaml's {@code PipeName}) sends what {@code pipes-replay
 * replay --pipe} sends: the packaged worker under the real runtime interface client and the CLI replay the same
 * archived records of a pipe whose {@code InputTemplate} is not {@code <$.data>} and that has header, query and path
 * parameters (the pipe and its API destination on moto_server: {@code TemplatedPipe}, as in {@code PipeLookupTest}); the partner
 * API must see the same requests from both.
 */
class ReplayWorkerPipeIT {

    private static final String KEY = "customer/42";
    private static final Duration AMPLE = Duration.ofMinutes(3);
    /** What differs between any two senders: the connection, the client's name, and each run's own id. */
    private static final Set<String> PER_SENDER_HEADERS = Set.of(
            "host", "connection", "content-length", "user-agent", "upgrade", "http2-settings", "x-pipes-replay-run-id");

    private final WorkerRig rig;

    @TempDir
    Path state;

    ReplayWorkerPipeIT() throws Exception {
        rig = new WorkerRig();
        rig.startRun("pending");
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void theWorkerSendsExactlyWhatReplayPipeSendsForTheSameRecords() throws Exception {
        List<String> keys = IntStream.range(0, 3).mapToObj(n -> rig.put(KEY, n)).toList();
        PlanItem item = rig.item(KEY, 0, keys);
        String destination = ReplayWorkerRuntimeIT.apiDestination(rig.partner.url("/orders/*"));
        String pipe = pipe(destination);
        Map<String, String> env = ReplayWorkerRuntimeIT.environment(rig, destination);
        env.put(ReplayWorkerConfig.REPLAY_PIPE, pipe);
        env.put("AWS_ENDPOINT_URL_PIPES", Emulators.moto().endpoint().toString());

        try (FakeRuntimeApi runtime = new FakeRuntimeApi(ReplayWorkerRuntimeIT.FUNCTION);
                LambdaRuntimeProcess function = ReplayWorkerRuntimeIT.start(runtime, env)) {
            FakeRuntimeApi.Answer answer = runtime.awaitAnswer(runtime.invoke(payload(item), AMPLE), AMPLE);
            assertThat(answer.error()).as(function.output()).isFalse();
            assertThat(new ObjectMapper().readTree(answer.body()).path("done").asBoolean())
                    .isTrue();
        }
        List<Received> fromTheWorker = List.copyOf(rig.partner.received());

        Cli.Result local;
        try (ServiceEndpoints endpoints = new ServiceEndpoints()
                .put("S3", Emulators.s3().endpoint())
                .put("EventBridge", Emulators.moto().endpoint())
                .put("Pipes", Emulators.moto().endpoint())) {
            local = new Cli(state)
                    .run(
                            "replay",
                            "--bucket",
                            rig.archive.bucket(),
                            "--consumer",
                            WorkerRig.CONSUMER,
                            "--status",
                            "replayed", // what the worker just delivered
                            "--target",
                            "http",
                            "--pipe",
                            pipe,
                            "--rate",
                            "0",
                            "--yes");
        }
        assertThat(local.exitCode()).as(local.toString()).isZero();
        List<Received> fromTheCli = rig.partner
                .received()
                .subList(fromTheWorker.size(), rig.partner.received().size());

        assertThat(fromTheWorker).hasSize(3);
        assertThat(fromTheWorker.stream().map(ReplayWorkerPipeIT::request).toList())
                .containsExactlyElementsOf(
                        fromTheCli.stream().map(ReplayWorkerPipeIT::request).toList());
        // and it is the pipe's request, not the record's bytes to the bare endpoint
        Received first = fromTheWorker.get(0);
        assertThat(first.method()).isEqualTo("PUT");
        assertThat(first.path()).isEqualTo("/orders/v1?tenant=acme");
        assertThat(first.header("X-Source")).isEqualTo("pipe");
        assertThat(new ObjectMapper().readTree(first.body()).path("pipe").asText())
                .isEqualTo(pipe);
    }

    @Test
    void aPipeThatTargetsAnotherApiDestinationFailsTheInitNamingBoth() throws Exception {
        String stacks = ReplayWorkerRuntimeIT.apiDestination(rig.partner.url("/orders"));
        String pipes = ReplayWorkerRuntimeIT.apiDestination(rig.partner.url("/elsewhere"));
        String pipe = pipe(pipes);
        Map<String, String> env = ReplayWorkerRuntimeIT.environment(rig, stacks);
        env.put(ReplayWorkerConfig.REPLAY_PIPE, pipe);

        try (ServiceEndpoints endpoints = new ServiceEndpoints()
                .put("EventBridge", Emulators.moto().endpoint())
                .put("Pipes", Emulators.moto().endpoint())) {
            assertThatThrownBy(() -> ReplayWorkerWiring.fromEnvironment(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "REPLAY_PIPE: pipe " + pipe + " targets " + pipes + ", not the API destination " + stacks);
        }
        assertThat(rig.partner.received()).isEmpty();
    }

    /** Method, path with query, the headers a sender chooses (lower-case names) and the body, as one string. */
    private static String request(Received received) {
        Map<String, List<String>> headers = new TreeMap<>();
        received.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!PER_SENDER_HEADERS.contains(lower)) {
                headers.put(lower, values);
            }
        });
        return received.method() + " " + received.path() + " " + headers + " "
                + new String(received.body(), StandardCharsets.UTF_8);
    }

    /** A pipe to {@code destination} with a template that is not {@code <$.data>} and header/query/path parameters. */
    private static String pipe(String destination) {
        String name = "orders-api-" + UUID.randomUUID().toString().substring(0, 8);
        try (PipesClient pipes = LocalAws.configure(
                        PipesClient.builder(), Emulators.moto().endpoint())
                .build()) {
            TemplatedPipe.create(pipes, name, destination);
        }
        return name;
    }
}
