package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HydrateConfigTest {

    private static final String DLQ_A = "arn:aws:sqs:eu-west-1:123456789012:orders-api-dlq";
    private static final String DLQ_B = "arn:aws:sqs:eu-west-1:123456789012:billing-dlq";

    @Test
    void onlyTheBucketIsRequired() {
        HydrateConfig config = HydrateConfig.fromEnv(Map.of("ARCHIVE_BUCKET", "acme-pipes-archive"));

        assertThat(config.archiveBucket()).isEqualTo("acme-pipes-archive");
        assertThat(config.archivePrefix()).isEmpty();
        assertThat(config.consumerByQueueArn()).isEmpty();
        assertThat(config.writeParallelism()).isEqualTo(16);
        assertThat(config.kinesisMaxReadsPerSecond()).isEqualTo(2);
    }

    @Test
    void readsEveryVariable() {
        HydrateConfig config = HydrateConfig.fromEnv(Map.of(
                "ARCHIVE_BUCKET", "acme-pipes-archive",
                "ARCHIVE_PREFIX", "archive",
                "CONSUMER_BY_QUEUE_ARN", DLQ_A + "=orders-api, " + DLQ_B + "=billing",
                "WRITE_PARALLELISM", "32",
                "KINESIS_MAX_READS_PER_SECOND", "5"));

        assertThat(config.archivePrefix()).isEqualTo("archive");
        assertThat(config.consumerByQueueArn())
                .containsExactlyInAnyOrderEntriesOf(Map.of(DLQ_A, "orders-api", DLQ_B, "billing"));
        assertThat(config.writeParallelism()).isEqualTo(32);
        assertThat(config.kinesisMaxReadsPerSecond()).isEqualTo(5);
    }

    @Test
    void aMissingBucketNamesTheVariable() {
        assertThatThrownBy(() -> HydrateConfig.fromEnv(Map.of("ARCHIVE_PREFIX", "archive")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ARCHIVE_BUCKET is required");
        assertThatThrownBy(() -> HydrateConfig.fromEnv(Map.of("ARCHIVE_BUCKET", "Not_A_Bucket")))
                .hasMessageContaining("ARCHIVE_BUCKET is not a valid S3 bucket name");
    }

    @Test
    void badNumbersNameTheVariableAndTheRange() {
        assertThatThrownBy(() -> HydrateConfig.fromEnv(Map.of("ARCHIVE_BUCKET", "b-1", "WRITE_PARALLELISM", "many")))
                .hasMessage("WRITE_PARALLELISM must be a whole number, got 'many'");
        assertThatThrownBy(() -> HydrateConfig.fromEnv(Map.of("ARCHIVE_BUCKET", "b-1", "WRITE_PARALLELISM", "0")))
                .hasMessage("WRITE_PARALLELISM must be between 1 and 256, got 0");
        // Kinesis allows 5 reads per second per shard, shared with the pipe itself.
        assertThatThrownBy(() ->
                        HydrateConfig.fromEnv(Map.of("ARCHIVE_BUCKET", "b-1", "KINESIS_MAX_READS_PER_SECOND", "6")))
                .hasMessage("KINESIS_MAX_READS_PER_SECOND must be between 1 and 5, got 6");
    }

    @Test
    void aBadConsumerMappingSaysWhatIsExpected() {
        assertThatThrownBy(() ->
                        HydrateConfig.fromEnv(Map.of("ARCHIVE_BUCKET", "b-1", "CONSUMER_BY_QUEUE_ARN", "orders-api")))
                .hasMessageContaining("expected queueArn=consumer pairs");
        assertThatThrownBy(() -> HydrateConfig.fromEnv(
                        Map.of("ARCHIVE_BUCKET", "b-1", "CONSUMER_BY_QUEUE_ARN", DLQ_A + "=orders api")))
                .hasMessageContaining("consumer 'orders api'");
        assertThatThrownBy(() -> HydrateConfig.fromEnv(
                        Map.of("ARCHIVE_BUCKET", "b-1", "CONSUMER_BY_QUEUE_ARN", DLQ_A + "=_lost")))
                .hasMessageContaining("not start with '_'");
        assertThatThrownBy(() -> HydrateConfig.fromEnv(
                        Map.of("ARCHIVE_BUCKET", "b-1", "CONSUMER_BY_QUEUE_ARN", DLQ_A + "=a," + DLQ_A + "=b")))
                .hasMessageContaining("mapped twice");
    }

    /** The CloudFormation tests compare the template with this README table; this compares the table with the code. */
    @Test
    void theReadmeDocumentsExactlyTheVariablesTheFunctionReads() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n## ", 1) < 0 ? table.length() : table.indexOf("\n## ", 1));
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(table);
        Set<String> documented = row.results().map(m -> m.group(1)).collect(Collectors.toSet());

        assertThat(documented)
                .containsExactlyInAnyOrder(
                        HydrateConfig.ARCHIVE_BUCKET,
                        HydrateConfig.ARCHIVE_PREFIX,
                        HydrateConfig.CONSUMER_BY_QUEUE_ARN,
                        HydrateConfig.WRITE_PARALLELISM,
                        HydrateConfig.KINESIS_MAX_READS_PER_SECOND);
    }
}
