package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.SqsEvents;
import dev.pipesrecovery.testkit.lambda.FakeRuntimeApi;
import dev.pipesrecovery.testkit.lambda.LambdaRuntimeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The packaged artifact, started by the real Lambda runtime interface client against a local Runtime API: proves the
 * handler string, the event deserialization, the init-phase wiring from environment variables (standard
 * {@code AWS_ENDPOINT_URL_*} overrides, no test code path) and the artifact's contents work together.
 */
class HydrateHandlerRuntimeIT {

    static final String HANDLER = "dev.pipesrecovery.hydrate.HydrateHandler::handleRequest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRuntimeInterfaceClientRunsThePackagedHandler() throws Exception {
        HydrateFixture fixture = new HydrateFixture("runtime");
        byte[] payload = "{\"orderId\":\"o-7\"}".getBytes(StandardCharsets.UTF_8);
        List<HydrateFixture.Put> puts = fixture.put(List.of(new HydrateFixture.TestRecord("customer/7", payload)));
        // registered the production way: the packaged function reads the queue's tags from SQS
        String dlq = fixture.registeredQueue("orders-api");
        SqsEvents.Message good = SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(puts)), dlq);
        SqsEvents.Message malformed = SqsEvents.Message.of("{\"not\":\"a DLQ record\"}", dlq);

        try (FakeRuntimeApi runtimeApi = new FakeRuntimeApi();
                LambdaRuntimeProcess function = LambdaRuntimeProcess.start(
                        artifact(), ricClasspath(), HANDLER, runtimeApi.address(), functionEnvironment(fixture))) {
            String requestId = runtimeApi.invoke(SqsEvents.json(List.of(good, malformed)), Duration.ofMinutes(1));
            FakeRuntimeApi.Answer answer = runtimeApi.awaitAnswer(requestId, Duration.ofMinutes(2));

            assertThat(answer.error())
                    .as("function output:%n%s", function.output())
                    .isFalse();
            JsonNode response = JSON.readTree(answer.body());
            assertThat(response.path("batchItemFailures")).hasSize(1);
            assertThat(response.path("batchItemFailures")
                            .get(0)
                            .path("itemIdentifier")
                            .asText())
                    .isEqualTo(malformed.messageId());
            System.out.printf(
                    "cold start through the runtime interface client: %d ms (JVM start to first response)%n",
                    Duration.ofNanos(answer.receivedAtNanos() - function.startedAtNanos())
                            .toMillis());

            String output = function.output();
            assertThat(output)
                    .contains(
                            "\"CloudWatchMetrics\"",
                            "\"Consumer\":\"orders-api\"",
                            "\"message\":\"DLQ message hydrated\"");
        }
        List<S3Object> objects = fixture.objects(HydrateFixture.PREFIX + "/orders-api/");
        assertThat(objects).hasSize(1);
        ArchivedRecord archived =
                ArchivedRecordCodec.decode(fixture.object(objects.get(0).key()));
        assertThat(archived.data()).isEqualTo(payload);
        assertThat(archived.failure().dlqMessageId()).isEqualTo(good.messageId());
    }

    @Test
    void everyLogLineNamesItsInvocationAndTheFirstOneIsTheColdStart() throws Exception {
        HydrateFixture fixture = new HydrateFixture("runtime-logs");
        String dlq = fixture.registeredQueue("orders-api");
        Map<String, String> environment = new java.util.HashMap<>(functionEnvironment(fixture));
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "pipes-recovery-hydrate");
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "7");

        try (FakeRuntimeApi runtimeApi = new FakeRuntimeApi();
                LambdaRuntimeProcess function = LambdaRuntimeProcess.start(
                        artifact(), ricClasspath(), HANDLER, runtimeApi.address(), environment)) {
            List<String> requestIds = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) { // a malformed message: each invocation logs an error line
                String requestId = runtimeApi.invoke(
                        SqsEvents.json(List.of(SqsEvents.Message.of("{\"n\":" + i + "}", dlq))), Duration.ofMinutes(1));
                assertThat(runtimeApi
                                .awaitAnswer(requestId, Duration.ofMinutes(2))
                                .error())
                        .isFalse();
                requestIds.add(requestId);
            }

            List<JsonNode> lines = function.output()
                    .lines()
                    .filter(line -> line.startsWith("{"))
                    .map(HydrateHandlerRuntimeIT::json)
                    .toList();
            List<JsonNode> logLines =
                    lines.stream().filter(line -> line.has("level")).toList();
            assertThat(logLines)
                    .as(function.output())
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(line -> {
                        assertThat(line.path("service").asText()).isEqualTo(HydrateLog.SERVICE);
                        assertThat(line.path("function_name").asText()).isEqualTo("pipes-recovery-hydrate");
                        assertThat(line.path("function_version").asText()).isEqualTo("7");
                        // FakeRuntimeApi's Lambda-Runtime-Trace-Id header, as the runtime hands it over
                        assertThat(line.path("xray_trace_id").asText())
                                .isEqualTo("1-00000000-000000000000000000000000");
                    });
            assertThat(logLines)
                    .extracting(line -> line.path("function_request_id").asText())
                    .containsOnly(requestIds.toArray(String[]::new))
                    .contains(requestIds.toArray(String[]::new));
            assertThat(logLines)
                    .allSatisfy(line -> assertThat(line.path("cold_start").asBoolean())
                            .isEqualTo(line.path("function_request_id").asText().equals(requestIds.get(0))));
            assertThat(lines)
                    .filteredOn(line -> line.has("ColdStart"))
                    .singleElement()
                    .satisfies(emf -> {
                        assertThat(emf.path("FunctionName").asText()).isEqualTo("pipes-recovery-hydrate");
                        assertThat(emf.path("_aws")
                                        .path("CloudWatchMetrics")
                                        .get(0)
                                        .path("Dimensions")
                                        .get(0)
                                        .get(0)
                                        .asText())
                                .isEqualTo("FunctionName");
                    });
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    @Test
    void aMisconfiguredFunctionFailsItsInitPhaseNamingTheVariable() throws Exception {
        Map<String, String> noBucket = Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                HydrateConfig.WRITE_PARALLELISM,
                "16");
        try (FakeRuntimeApi runtimeApi = new FakeRuntimeApi();
                LambdaRuntimeProcess function = LambdaRuntimeProcess.start(
                        artifact(), ricClasspath(), HANDLER, runtimeApi.address(), noBucket)) {
            String requestId = runtimeApi.invoke(SqsEvents.json(List.of()), Duration.ofMinutes(1));

            // Lambda reports an init error and never hands the batch to a half-configured function.
            assertThatThrownBy(() -> runtimeApi.awaitAnswer(requestId, Duration.ofMinutes(2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed to initialise")
                    .hasMessageContaining("ARCHIVE_BUCKET is required");
        }
    }

    static Map<String, String> functionEnvironment(HydrateFixture fixture) {
        return Map.of(
                "AWS_REGION",
                "us-east-1",
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_ENDPOINT_URL_KINESIS",
                Emulators.kinesalite().endpoint().toString(),
                "AWS_ENDPOINT_URL_S3",
                Emulators.s3().endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS",
                Emulators.sqs().endpoint().toString(),
                // kinesalite speaks only the JSON protocol (emulators.md); real Kinesis speaks both.
                "JAVA_TOOL_OPTIONS",
                "-Daws.cborEnabled=false",
                HydrateConfig.ARCHIVE_BUCKET,
                fixture.bucket,
                HydrateConfig.ARCHIVE_PREFIX,
                HydrateFixture.PREFIX);
    }

    static Path artifact() {
        return Path.of(
                System.getProperty("hydrate.artifact", "target/pipes-recovery-hydrate-lambda-0.1.0-SNAPSHOT.jar"));
    }

    /** Written by maven-dependency-plugin (build-classpath) before the integration tests. */
    static String ricClasspath() throws java.io.IOException {
        return LambdaRuntimeProcess.ricClasspathFromBuild();
    }
}
