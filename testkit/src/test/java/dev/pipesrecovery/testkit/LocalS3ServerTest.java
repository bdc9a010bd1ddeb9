package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** LocalS3 answers real S3 calls — and, as documented, does not refuse an overwrite under If-None-Match. */
class LocalS3ServerTest {

    @Test
    void startsTakesWritesOverwritesDespiteIfNoneMatchAndStops() throws Exception {
        LocalS3Server server = LocalS3Server.start();
        try (S3Client s3 = LocalAws.s3(server)) {
            s3.createBucket(b -> b.bucket("bench"));
            s3.putObject(b -> b.bucket("bench").key("k").ifNoneMatch("*"), RequestBody.fromString("first"));
            s3.putObject(b -> b.bucket("bench").key("k").ifNoneMatch("*"), RequestBody.fromString("second"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket("bench").key("k")).asUtf8String())
                    .as("no 412: figures on LocalS3 measure speed, not idempotency")
                    .isEqualTo("second");
        } finally {
            server.close();
        }
        // Netty closes the listening socket asynchronously after shutdown()
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        boolean closed = false;
        while (!closed && System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(
                        new java.net.InetSocketAddress(
                                "127.0.0.1", server.endpoint().getPort()),
                        500);
                Thread.sleep(100);
            } catch (java.io.IOException refused) {
                closed = true;
            }
        }
        assertThat(closed).as("port closed after close()").isTrue();
    }
}
