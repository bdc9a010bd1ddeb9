package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The deployable jar holds the function and one lightweight HTTP client, and nothing a test needs. */
class HydrateArtifactIT {

    @Test
    void theArtifactHasTheUrlConnectionClientOnlyAndNoTestCode() throws IOException {
        Path artifact = Path.of(System.getProperty("hydrate.artifact"));
        List<String> entries;
        try (JarFile jar = new JarFile(artifact.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }

        assertThat(entries)
                .contains(
                        "dev/pipesrecovery/hydrate/HydrateHandler.class",
                        "dev/pipesrecovery/stream/kinesis/KinesisRangeReader.class",
                        "dev/pipesrecovery/archive/s3/S3ArchiveStore.class",
                        "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class",
                        "com/amazonaws/services/lambda/runtime/events/SQSEvent.class");
        // The heavy HTTP clients are excluded (Lambda cold start, artifact size) and no test code ships.
        assertThat(entries)
                .noneMatch(name -> name.startsWith("org/apache/http/")
                        || name.startsWith("io/netty/")
                        || name.startsWith("software/amazon/awssdk/http/apache/")
                        || name.startsWith("software/amazon/awssdk/http/nio/netty/")
                        || name.startsWith("software/amazon/awssdk/crt/")
                        || name.startsWith("dev/pipesrecovery/testkit/")
                        || name.startsWith("com/adobe/testing/")
                        || name.startsWith("org/elasticmq/")
                        || name.startsWith("org/springframework/")
                        || name.startsWith("org/junit/"));
        // the KPL aggregate writer is test support (testkit): the function only opens aggregates
        assertThat(entries)
                .contains("dev/pipesrecovery/stream/kpl/KplDeaggregator.class")
                .noneMatch(name -> name.contains("KplAggregator")
                        || name.contains("ProtoWriter")
                        || name.contains("ProtobufWriter")
                        || name.contains("KplUserRecord"));
        System.out.printf(
                "hydrate artifact %s: %,d bytes (%.1f MiB)%n",
                artifact.getFileName(), Files.size(artifact), Files.size(artifact) / 1024.0 / 1024.0);
    }
}
