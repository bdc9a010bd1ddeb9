package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3MockServerTest {

    @Test
    void startsAnswersConditionalWritesAndStops() {
        S3MockServer emulator = S3MockServer.start();
        int port = emulator.endpoint().getPort();
        Path root = emulator.root();
        try (S3Client s3 = LocalAws.s3(emulator)) {
            s3.createBucket(b -> b.bucket("archive"));
            s3.putObject(b -> b.bucket("archive").key("a/1.json").ifNoneMatch("*"), RequestBody.fromString("{}"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket("archive").key("a/1.json"))
                            .asUtf8String())
                    .isEqualTo("{}");
            assertThatThrownBy(() -> s3.putObject(
                            b -> b.bucket("archive").key("a/1.json").ifNoneMatch("*"),
                            RequestBody.fromString("{\"other\":1}")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        } finally {
            emulator.close();
        }
        assertThat(Files.exists(root)).as("temp root deleted").isFalse();
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 500))
                .as("nothing listens after close")
                .isInstanceOf(java.io.IOException.class);
    }
}
