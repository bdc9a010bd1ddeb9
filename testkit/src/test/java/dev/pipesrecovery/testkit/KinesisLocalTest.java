package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

class KinesisLocalTest {

    @Test
    void aMissingEmulatorModuleFailsWithHowToInstallIt(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("package-lock.json"), "{}");
        System.setProperty(RepoRoot.PROPERTY, root.toString());
        try {
            assertThatThrownBy(KinesisLocal::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run `npm ci` in " + root)
                    .hasMessageContaining("the Maven build does it in the testkit module");
        } finally {
            System.clearProperty(RepoRoot.PROPERTY);
        }
    }

    @Test
    void startsAnswersRealCallsAndStopsItsProcess() {
        KinesisLocal emulator = KinesisLocal.start();
        ProcessHandle process = emulator.processHandle();
        try (KinesisClient kinesis = LocalAws.kinesis(emulator)) {
            String arn = KinesisLocal.createStream(kinesis, "orders", 2);

            assertThat(arn).isEqualTo("arn:aws:kinesis:us-east-1:" + LocalAws.ACCOUNT_ID + ":stream/orders");
            assertThat(kinesis.describeStreamSummary(b -> b.streamName("orders"))
                            .streamDescriptionSummary()
                            .streamStatus())
                    .isEqualTo(StreamStatus.ACTIVE);
            PutRecordResponse put = kinesis.putRecord(
                    b -> b.streamName("orders").partitionKey("k").data(SdkBytes.fromUtf8String("{\"n\":1}")));
            String iterator = kinesis.getShardIterator(b -> b.streamName("orders")
                            .shardId(put.shardId())
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                            .startingSequenceNumber(put.sequenceNumber()))
                    .shardIterator();
            List<String> read = kinesis.getRecords(b -> b.shardIterator(iterator)).records().stream()
                    .map(r -> r.data().asUtf8String())
                    .toList();
            assertThat(read).containsExactly("{\"n\":1}");
        } finally {
            emulator.close();
        }
        assertThat(process.isAlive()).as("kinesis-local process after close").isFalse();
        assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(5));
    }
}
