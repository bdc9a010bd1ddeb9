package dev.pipesrecovery.replay.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The deployable jar holds the worker, the replay and one lightweight HTTP client: no CLI, no test code. */
class ReplayWorkerArtifactIT {

    /** The jar at the time of writing is 16.5 MB; Lambda takes up to 50 MB zipped. A jump past this is a leak. */
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    @Test
    void theArtifactHasTheWorkerAndTheReplayOnlyAndStaysSmall() throws IOException {
        Path artifact = ReplayWorkerRuntimeIT.artifact();
        List<String> entries;
        try (JarFile jar = new JarFile(artifact.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }

        assertThat(entries)
                .contains(
                        "dev/pipesrecovery/replay/worker/ReplayWorkerHandler.class",
                        "dev/pipesrecovery/replay/worker/ReplayWorker.class",
                        "dev/pipesrecovery/replay/target/aws/AwsTargets.class",
                        "dev/pipesrecovery/replay/target/http/HttpTarget.class",
                        "dev/pipesrecovery/replay/state/KeyProgress.class",
                        "dev/pipesrecovery/archive/s3/S3ArchiveStore.class",
                        // the clients the targets and their look-ups need (a test-scoped one would be left out)
                        "software/amazon/awssdk/services/s3/S3Client.class",
                        "software/amazon/awssdk/services/eventbridge/EventBridgeClient.class",
                        "software/amazon/awssdk/services/kinesis/KinesisClient.class",
                        "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient.class",
                        "software/amazon/awssdk/services/pipes/PipesClient.class",
                        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                        "com/fasterxml/jackson/databind/ObjectMapper.class",
                        "com/amazonaws/services/lambda/runtime/RequestStreamHandler.class");
        assertThat(entries)
                .noneMatch(name -> name.startsWith("picocli/")
                        || name.startsWith("dev/pipesrecovery/cli/")
                        || name.startsWith("dev/pipesrecovery/report/")
                        || name.startsWith("dev/pipesrecovery/triage/")
                        || name.startsWith("org/slf4j/nop/")
                        || name.startsWith("software/amazon/awssdk/services/cloudwatch/")
                        || name.startsWith("software/amazon/awssdk/services/sfn/")
                        || name.startsWith("software/amazon/awssdk/services/sqs/")
                        || name.startsWith("org/apache/http/")
                        || name.startsWith("io/netty/")
                        || name.startsWith("software/amazon/awssdk/http/apache/")
                        || name.startsWith("software/amazon/awssdk/crt/")
                        || name.startsWith("dev/pipesrecovery/testkit/")
                        || name.startsWith("com/adobe/testing/")
                        || name.startsWith("org/junit/")
                        || name.endsWith("Test.class")
                        || name.endsWith("IT.class")
                        || name.contains("WorkerRig"));
        long size = Files.size(artifact);
        System.out.printf(
                "replay worker artifact %s: %,d bytes (%.1f MiB)%n",
                artifact.getFileName(), size, size / 1024.0 / 1024.0);
        assertThat(size).isLessThan(MAX_BYTES);
    }
}
