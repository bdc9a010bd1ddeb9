package dev.pipesrecovery.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.aws.FakeTime;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamReadException;
import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Against kinesalite through a pass-through proxy (which counts the calls); no real sleeps. */
class KinesisRangeReaderTest {

    static final RequestMatch GET_RECORDS = RequestMatch.kinesis("GetRecords");
    static final RequestMatch GET_SHARD_ITERATOR = RequestMatch.kinesis("GetShardIterator");

    static FaultInjectingProxy proxy;
    static KinesisClient kinesis;
    FakeTime time;

    @BeforeAll
    static void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.kinesalite());
        kinesis = LocalAws.kinesis(proxy.endpoint());
    }

    @AfterAll
    static void stopProxy() {
        kinesis.close();
        proxy.close();
    }

    @BeforeEach
    void freshTime() {
        time = new FakeTime();
    }

    @AfterEach
    void clearFaults() {
        proxy.clearFaults();
    }

    KinesisRangeReader reader(int maxRecordsPerCall) {
        KinesisReaderSettings settings = KinesisReaderSettings.defaults()
                .withCallsPerSecondPerShard(5)
                .withMaxRecordsPerCall(maxRecordsPerCall)
                .withBackoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5));
        return new KinesisRangeReader(kinesis, settings, time::nanoTime, time, () -> 0.5);
    }

    static List<String> bodies(RangeRead read) {
        return read.records().stream()
                .map(r -> new String(r.data(), StandardCharsets.UTF_8))
                .toList();
    }

    static List<String> expectedBodies(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive)
                .mapToObj(KinesisFixture::body)
                .toList();
    }

    @Test
    void readsAOneRecordRange() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(3);

        RangeRead read =
                reader(10_000).read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(1), stream.seq(1), 1));

        assertThat(read.status()).isEqualTo(RangeStatus.COMPLETE);
        StreamRecord record = read.records().get(0);
        assertThat(record.sequenceNumber()).isEqualTo(stream.seq(1));
        assertThat(record.partitionKey()).isEqualTo("pk-1");
        assertThat(record.shardId()).isEqualTo(stream.shardId);
        assertThat(record.approximateArrivalTimestamp()).isNotNull();
        assertThat(bodies(read)).containsExactly(KinesisFixture.body(1));
    }

    @Test
    void readsFiveHundredRecordsOverSeveralPagesWithinTheShardRateLimit() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(520);
        long callsBefore = proxy.count(GET_RECORDS);

        RangeRead read =
                reader(64).read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(10), stream.seq(509), 500));

        assertThat(read.status()).isEqualTo(RangeStatus.COMPLETE);
        assertThat(bodies(read)).containsExactlyElementsOf(expectedBodies(10, 509));
        assertThat(read.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactlyElementsOf(stream.sequenceNumbers.subList(10, 510));
        long getRecordsCalls = proxy.count(GET_RECORDS) - callsBefore;
        assertThat(getRecordsCalls).as("500 records in pages of at most 64").isGreaterThanOrEqualTo(8);
        // 1 GetShardIterator + n GetRecords on one shard at 5 calls/s: every call after the first waits its 200 ms slot
        assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofMillis(200 * getRecordsCalls));
        assertThat(time.sleeps()).allMatch(d -> d.compareTo(Duration.ofMillis(200)) <= 0);
    }

    /**
     * A batch's range can hold more records than its batchSize (ParallelizationFactor > 1 splits a shard's records by
     * partition key into concurrent batches): every record up to the end sequence number is the batch's, not the first
     * batchSize of them.
     */
    @Test
    void aRecordPastTheEndEndsTheRangeNotTheBatchSize() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(8);

        RangeRead read =
                reader(10_000).read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(1), stream.seq(5), 2));

        assertThat(read.status()).isEqualTo(RangeStatus.COMPLETE);
        assertThat(bodies(read)).containsExactlyElementsOf(expectedBodies(1, 5));
    }

    @Test
    void aRangeLargerThanWhatExistsComesBackPartialAtTheTip() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(4);

        RangeRead read = reader(10_000)
                .read(new ShardRange(
                        stream.streamArn,
                        stream.shardId,
                        stream.seq(1),
                        SequenceNumber.of(stream.seq(3)
                                .numeric()
                                .add(java.math.BigInteger.TEN.pow(20))
                                .toString()),
                        10));

        assertThat(read.status()).isEqualTo(RangeStatus.PARTIAL);
        assertThat(bodies(read)).containsExactlyElementsOf(expectedBodies(1, 3));
        assertThat(read.missingCount()).isEqualTo(7);
        assertThat(read.lossReason()).contains("read 3 of 10").contains("tip");
    }

    @Test
    void fewerRecordsThanTheBatchSizeBeforeTheEndIsPartial() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(6);

        RangeRead read =
                reader(10_000).read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(0), stream.seq(2), 5));

        assertThat(read.status()).isEqualTo(RangeStatus.PARTIAL);
        assertThat(bodies(read)).containsExactlyElementsOf(expectedBodies(0, 2));
        assertThat(read.lossReason()).contains("read 3 of 5").contains("reaching the range end");
    }

    @Test
    void aStartThatCannotBeReadIsGoneWithAReason() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(2);
        // a well-formed 56-digit sequence number this shard never issued (e.g. from a deleted and recreated stream)
        SequenceNumber foreign = SequenceNumber.of("4" + "9".repeat(55));

        RangeRead read = reader(10_000).read(new ShardRange(stream.streamArn, stream.shardId, foreign, foreign, 3));

        assertThat(read.status()).isEqualTo(RangeStatus.GONE);
        assertThat(read.records()).isEmpty();
        assertThat(read.missingCount()).isEqualTo(3);
        assertThat(read.lossReason())
                .contains("GetShardIterator")
                .contains(foreign.value())
                .contains("trim horizon");
    }

    @Test
    void anUnknownStreamIsAReadFailureNotALoss() {
        String arn = "arn:aws:kinesis:us-east-1:" + LocalAws.ACCOUNT_ID + ":stream/does-not-exist";
        SequenceNumber seq = SequenceNumber.of("49680523228892169800332370192097553081111003436756762626");

        assertThatThrownBy(() -> reader(10_000).read(new ShardRange(arn, "shardId-000000000000", seq, seq, 1)))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("does-not-exist");
        assertThatThrownBy(() -> reader(10_000).retentionHours(arn)).isInstanceOf(StreamReadException.class);
    }

    @Test
    void aStreamInAnotherRegionOrAMalformedArnIsAConfigurationErrorBeforeAnyCall() {
        SequenceNumber seq = SequenceNumber.of("49680523228892169800332370192097553081111003436756762626");
        long callsBefore = proxy.requests().size();

        assertThatThrownBy(() -> reader(10_000)
                        .read(new ShardRange(
                                "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                                "shardId-000000000000",
                                seq,
                                seq,
                                1)))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("eu-west-1")
                .hasMessageContaining("us-east-1");
        assertThatThrownBy(() -> reader(10_000)
                        .read(new ShardRange(
                                "arn:aws:sqs:us-east-1:123456789012:orders", "shardId-000000000000", seq, seq, 1)))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("not a Kinesis stream ARN");
        assertThat(proxy.requests()).hasSize((int) callsBefore);
    }

    @Test
    void retentionComesFromDescribeStreamSummaryOncePerStream() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis);
        KinesisRangeReader reader = reader(10_000);
        RequestMatch describe = RequestMatch.kinesis("DescribeStreamSummary");
        long before = proxy.count(describe);

        assertThat(reader.retentionHours(stream.streamArn)).isEqualTo(24);
        assertThat(reader.retentionHours(stream.streamArn)).isEqualTo(24);
        assertThat(proxy.count(describe) - before).isEqualTo(1);
    }
}
