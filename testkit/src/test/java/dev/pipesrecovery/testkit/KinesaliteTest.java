package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class KinesaliteTest {

    /** The lowest hash key of shard 1 of a two-shard stream. */
    private static final String SHARD_1 = "170141183460469231731687303715884105728";

    @Test
    void aMissingEmulatorModuleFailsWithHowToInstallIt(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("package-lock.json"), "{}");
        System.setProperty(RepoRoot.PROPERTY, root.toString());
        try {
            assertThatThrownBy(Kinesalite::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("kinesalite is not installed: run `npm ci` in " + root);
        } finally {
            System.clearProperty(RepoRoot.PROPERTY);
        }
    }

    /** A client dropping a connection mid-request (a fault proxy, a stopped poller) must not kill the emulator. */
    @Test
    void survivesAClientThatAbortsARequest() throws Exception {
        Kinesalite emulator = Kinesalite.start();
        try (KinesisClient kinesis = LocalAws.kinesis(emulator)) {
            try (java.net.Socket socket =
                    new java.net.Socket("127.0.0.1", emulator.endpoint().getPort())) {
                socket.getOutputStream()
                        .write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n"
                                        + "X-Amz-Target: Kinesis_20131202.ListStreams\r\n\r\n{\"Lim")
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            Thread.sleep(300);
            assertThat(emulator.processHandle().isAlive()).isTrue();
            assertThat(kinesis.listStreams().streamNames()).isNotNull();
        } finally {
            emulator.close();
        }
    }

    /** What the hydrate side relies on: ARNs in the emulators' account, and a trimmed start read as AWS reads it. */
    @Test
    void startsReadsFromAStartBeforeTheFirstRecordAndStopsItsProcess() {
        Kinesalite emulator = Kinesalite.start();
        ProcessHandle process = emulator.processHandle();
        try (KinesisClient kinesis = LocalAws.kinesis(emulator)) {
            String arn = KinesisLocal.createStream(kinesis, "orders", 2);
            assertThat(arn).isEqualTo("arn:aws:kinesis:us-east-1:" + LocalAws.ACCOUNT_ID + ":stream/orders");
            // three records on shard 1 first: shard 0's first record then has counter 3 (shards 0-4 share it)
            for (int i = 0; i < 3; i++) {
                kinesis.putRecord(b -> b.streamName("orders")
                        .partitionKey("k")
                        .explicitHashKey(SHARD_1)
                        .data(SdkBytes.fromUtf8String("{}")));
            }
            PutRecordResponse first = kinesis.putRecord(b -> b.streamName("orders")
                    .partitionKey("k")
                    .explicitHashKey("0")
                    .data(SdkBytes.fromUtf8String("{\"n\":1}")));
            kinesis.putRecord(b -> b.streamName("orders")
                    .partitionKey("k")
                    .explicitHashKey("0")
                    .data(SdkBytes.fromUtf8String("{\"n\":2}")));
            String beforeFirst = Kinesalite.sequenceNumberBefore(first.sequenceNumber(), 3);

            String iterator = kinesis.getShardIterator(b -> b.streamName("orders")
                            .streamARN(arn)
                            .shardId(first.shardId())
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                            .startingSequenceNumber(beforeFirst))
                    .shardIterator();
            List<String> read = kinesis.getRecords(b -> b.shardIterator(iterator)).records().stream()
                    .map(r -> r.sequenceNumber())
                    .toList();

            assertThat(new BigInteger(beforeFirst)).isLessThan(new BigInteger(first.sequenceNumber()));
            assertThat(read).hasSize(2).first().isEqualTo(first.sequenceNumber());
            assertThatThrownBy(() -> Kinesalite.sequenceNumberBefore(first.sequenceNumber(), 4))
                    .hasMessageContaining("counter is at 3");
        } finally {
            emulator.close();
        }
        assertThat(process.isAlive()).as("kinesalite process after close").isFalse();
        assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(5));
    }
}
