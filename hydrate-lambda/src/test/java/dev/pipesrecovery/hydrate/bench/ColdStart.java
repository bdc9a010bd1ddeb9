package dev.pipesrecovery.hydrate.bench;

import dev.pipesrecovery.hydrate.DlqBodies;
import dev.pipesrecovery.hydrate.HydrateConfig;
import dev.pipesrecovery.testkit.SqsEvents;
import dev.pipesrecovery.testkit.lambda.FakeRuntimeApi;
import dev.pipesrecovery.testkit.lambda.LambdaRuntimeProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the packaged function: from launching the JVM of the real runtime interface client to the first
 * response on the local Runtime API, for a DLQ message of one record (init phase + one hydration).
 */
final class ColdStart {

    static final String HANDLER = "dev.pipesrecovery.hydrate.HydrateHandler::handleRequest";

    private ColdStart() {}

    static void measure(
            int runs,
            BenchStream stream,
            String bucket,
            URI kinesisEndpoint,
            URI s3Endpoint,
            String queueArn,
            String pipe)
            throws Exception {
        Path artifact = Path.of(
                System.getProperty("hydrate.artifact", "target/pipes-recovery-hydrate-lambda-0.1.0-SNAPSHOT.jar"));
        Path ricClasspath = Path.of(System.getProperty("ric.classpath.file", "target/ric.classpath"));
        if (!Files.isRegularFile(artifact) || !Files.isRegularFile(ricClasspath)) {
            throw new IllegalStateException("cold start needs the packaged artifact and target/ric.classpath: run the "
                    + "benchmark with the command in hydrate-lambda/README.md (it packages first)");
        }
        BenchStream.PutRecord record = stream.records().get(0);
        DlqBodies.Batch one = new DlqBodies.Batch(
                stream.streamArn(),
                record.shardId(),
                record.sequenceNumber(),
                record.sequenceNumber(),
                record.putAt(),
                record.putAt(),
                1);
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Map<String, String> env = Map.of(
                    "AWS_REGION",
                    "us-east-1",
                    "AWS_ACCESS_KEY_ID",
                    "test",
                    "AWS_SECRET_ACCESS_KEY",
                    "test",
                    "AWS_ENDPOINT_URL_KINESIS",
                    kinesisEndpoint.toString(),
                    "AWS_ENDPOINT_URL_S3",
                    s3Endpoint.toString(),
                    "JAVA_TOOL_OPTIONS",
                    "-Daws.cborEnabled=false",
                    HydrateConfig.CONSUMER_BY_QUEUE_ARN,
                    queueArn + "=" + pipe,
                    HydrateConfig.ARCHIVE_BUCKET,
                    bucket,
                    HydrateConfig.ARCHIVE_PREFIX,
                    "cold-start-" + run);
            try (FakeRuntimeApi api = new FakeRuntimeApi();
                    LambdaRuntimeProcess function = LambdaRuntimeProcess.start(
                            artifact, Files.readString(ricClasspath).trim(), HANDLER, api.address(), env)) {
                String event = SqsEvents.json(List.of(SqsEvents.Message.of(DlqBodies.pipes(pipe, one), queueArn)));
                String requestId = api.invoke(event, Duration.ofMinutes(1));
                FakeRuntimeApi.Answer answer = api.awaitAnswer(requestId, Duration.ofMinutes(2));
                if (answer.error() || !answer.body().contains("\"batchItemFailures\":[]")) {
                    throw new IllegalStateException(
                            "cold-start invocation failed: " + answer.body() + "\n" + function.output());
                }
                millis.add(Duration.ofNanos(answer.receivedAtNanos() - function.startedAtNanos())
                        .toMillis());
            }
        }
        System.out.printf(
                "  cold start, JVM start to first response through the runtime interface client "
                        + "(%d runs): %s ms%n",
                runs, millis);
    }
}
