package dev.pipesrecovery.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.aws.FakeTime;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.Kinesalite;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Many DLQ ranges of one shard read as one span on kinesalite: the calls it takes (counted by the reader itself) for
 * dense, sparse and isolated ranges, interleaved ranges, trimmed first ranges, and faults in the middle of a span.
 */
class KinesisSpanReadTest {

    static FaultInjectingProxy proxy;
    static KinesisClient kinesis;
    final FakeTime time = new FakeTime();
    final List<RangeRead> judged = new ArrayList<>();

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

    @AfterEach
    void clearFaults() {
        proxy.clearFaults();
    }

    KinesisRangeReader reader() {
        return new KinesisRangeReader(
                kinesis,
                KinesisReaderSettings.defaults()
                        .withCallsPerSecondPerShard(5)
                        .withBackoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5)),
                time::nanoTime,
                time,
                () -> 0.5);
    }

    static ShardRange one(KinesisFixture stream, int index) {
        return new ShardRange(stream.streamArn, stream.shardId, stream.seq(index), stream.seq(index), 1);
    }

    List<ShardRange> every(KinesisFixture stream, int step, int count) {
        return IntStream.range(0, count).mapToObj(i -> one(stream, i * step)).toList();
    }

    void assertAllCompleteAndExact(KinesisFixture stream, List<ShardRange> ranges) {
        assertThat(judged).hasSize(ranges.size()).allMatch(r -> r.status() == RangeStatus.COMPLETE);
        assertThat(judged)
                .allSatisfy(r -> assertThat(r.records())
                        .extracting(StreamRecord::sequenceNumber)
                        .containsExactly(r.range().start()));
    }

    @Test
    void aDenseBacklogOfOneRecordRangesTakesOneIteratorAndOnePage() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(2_500);
        List<ShardRange> ranges = new ArrayList<>(every(stream, 1, 2_500));
        java.util.Collections.shuffle(ranges, new java.util.Random(7)); // the order of a DLQ batch is no order
        KinesisRangeReader reader = reader();

        reader.readSpan(ranges, judged::add);

        assertAllCompleteAndExact(stream, ranges);
        KinesisCallCounts.Count calls = reader.counts().total();
        assertThat(calls.getShardIterator()).isEqualTo(1);
        assertThat(calls.getRecords()).isEqualTo(1);
        assertThat(calls.records())
                .as("nothing read twice or beyond the last range")
                .isEqualTo(2_500);
    }

    @Test
    void aSparseBacklogReadsThroughItsGapsInFullPages() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(30_000);
        List<ShardRange> ranges = every(stream, 100, 300); // 1 record in 100 dead-lettered
        KinesisRangeReader reader = reader();

        reader.readSpan(ranges, judged::add);

        assertAllCompleteAndExact(stream, ranges);
        KinesisCallCounts.Count calls = reader.counts().total();
        assertThat(calls.getShardIterator()).isEqualTo(1);
        assertThat(calls.calls())
                .as("<= 50 calls per 1,000 ranges (the bar): here %s", calls)
                .isLessThanOrEqualTo(15);
    }

    @Test
    void isolatedRangesEachGetAnIteratorOnceAFewPagesShowTheGapsAreLarge() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(12_001, 1024);
        List<ShardRange> ranges = every(stream, 2_000, 7); // gaps of 2,000 records of 1 KiB: 2 MiB, more than 2 calls
        KinesisRangeReader reader = reader();

        reader.readSpan(ranges, judged::add);

        assertAllCompleteAndExact(stream, ranges);
        KinesisCallCounts.Count calls = reader.counts().total();
        // two per range, as one read per message costs, once a page or two found nothing in the gaps (17 here)
        assertThat(calls.calls()).as("%s", calls).isLessThanOrEqualTo(3 * 7);
        // a page or two of at most 1 MiB are read into a gap before the read gives up on it and re-positions
        assertThat(calls.records())
                .as("the 12,000 records of the gaps are not read through: %s", calls)
                .isLessThan(8_000);
    }

    @Test
    void interleavedRangesWiderThanTheirBatchesGetEveryRecordTheyHold() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(12);
        // a ParallelizationFactor-style split: batch A = records 1,3,5,7 and batch B = records 2,4,6,8
        ShardRange a = new ShardRange(stream.streamArn, stream.shardId, stream.seq(1), stream.seq(7), 4);
        ShardRange b = new ShardRange(stream.streamArn, stream.shardId, stream.seq(2), stream.seq(8), 4);

        reader().readSpan(List.of(b, a), judged::add);

        RangeRead readA =
                judged.stream().filter(r -> r.range() == a).findFirst().orElseThrow();
        RangeRead readB =
                judged.stream().filter(r -> r.range() == b).findFirst().orElseThrow();
        assertThat(readA.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactlyElementsOf(stream.sequenceNumbers.subList(1, 8));
        assertThat(readB.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactlyElementsOf(stream.sequenceNumbers.subList(2, 9));
        assertThat(List.of(readA, readB)).allMatch(r -> r.status() == RangeStatus.COMPLETE && r.widerThanBatch());
    }

    @Test
    void theFirstRangesOfASpanTrimmedAwayAreGoneTheBoundaryPartialTheRestComplete() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis, 2);
        // shard 1 takes records first, so shard 0's counter leaves room for sequence numbers before its first record
        stream.putOnOtherShard(10);
        stream.put(6);
        String s0 = stream.seq(0).value();
        ShardRange gone1 =
                range(stream, Kinesalite.sequenceNumberBefore(s0, 9), Kinesalite.sequenceNumberBefore(s0, 8), 2);
        ShardRange gone2 =
                range(stream, Kinesalite.sequenceNumberBefore(s0, 6), Kinesalite.sequenceNumberBefore(s0, 4), 3);
        ShardRange boundary = range(
                stream, Kinesalite.sequenceNumberBefore(s0, 2), stream.seq(1).value(), 4);
        ShardRange live = new ShardRange(stream.streamArn, stream.shardId, stream.seq(2), stream.seq(5), 4);
        KinesisRangeReader reader = reader();

        reader.readSpan(List.of(live, boundary, gone2, gone1), judged::add);

        assertThat(status(gone1)).isEqualTo(RangeStatus.GONE);
        assertThat(status(gone2)).isEqualTo(RangeStatus.GONE);
        RangeRead partial = read(boundary);
        assertThat(partial.status()).isEqualTo(RangeStatus.PARTIAL);
        assertThat(partial.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactly(stream.seq(0), stream.seq(1));
        assertThat(partial.missingCount()).isEqualTo(2);
        assertThat(status(live)).isEqualTo(RangeStatus.COMPLETE);
        assertThat(reader.counts().total().getShardIterator())
                .as("one iterator for the whole span")
                .isEqualTo(1);
    }

    @Test
    void anExpiredIteratorAndThrottlingMidSpanLoseNothingAndDuplicateNothing() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(900);
        List<ShardRange> ranges = every(stream, 3, 300);
        proxy.injectAfter(RequestMatch.kinesis("GetRecords"), 1, 1, Fault.kinesisExpiredIterator())
                .injectAfter(RequestMatch.kinesis("GetRecords"), 2, 2, Fault.kinesisThroughputExceeded());
        KinesisReaderSettings smallPages = KinesisReaderSettings.defaults()
                .withMaxRecordsPerCall(100)
                .withBackoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5));
        KinesisRangeReader reader = new KinesisRangeReader(kinesis, smallPages, time::nanoTime, time, () -> 0.5);

        reader.readSpan(ranges, judged::add);

        assertAllCompleteAndExact(stream, ranges);
        assertThat(judged).extracting(RangeRead::range).containsExactlyInAnyOrderElementsOf(ranges);
        assertThat(reader.counts().total().getShardIterator())
                .as("the first and one renewal")
                .isEqualTo(2);
    }

    private ShardRange range(KinesisFixture stream, String start, String end, int batchSize) {
        return new ShardRange(
                stream.streamArn, stream.shardId, SequenceNumber.of(start), SequenceNumber.of(end), batchSize);
    }

    private RangeRead read(ShardRange range) {
        return judged.stream().filter(r -> r.range() == range).findFirst().orElseThrow();
    }

    private RangeStatus status(ShardRange range) {
        return read(range).status();
    }

    static SdkBytes bytes(String text) {
        return SdkBytes.fromUtf8String(text);
    }
}
