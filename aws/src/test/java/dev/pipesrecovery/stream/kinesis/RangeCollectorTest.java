package dev.pipesrecovery.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamRecord;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The judging of what was read, for conditions kinesis-local cannot produce (it has no trim horizon: a start
 * that is gone fails GetShardIterator there, while real Kinesis may return an iterator at the horizon).
 */
class RangeCollectorTest {

    // 56-digit sequence numbers: beyond long, compared as BigInteger
    static final String BASE = "4968052322889216980033237019209755308111100343675676";

    static SequenceNumber seq(int n) {
        return SequenceNumber.of(BASE + String.format("%04d", n));
    }

    static Record record(int n) {
        return Record.builder().sequenceNumber(seq(n).value()).partitionKey("pk")
                .approximateArrivalTimestamp(Instant.parse("2026-11-21T22:15:03.123Z"))
                .data(SdkBytes.fromUtf8String("r" + n)).build();
    }

    static List<Record> records(int... ns) {
        return Stream.of(ns).flatMapToInt(java.util.Arrays::stream).mapToObj(RangeCollectorTest::record).toList();
    }

    static RangeCollector collector(int start, int end, int expected) {
        return new RangeCollector(new ShardRange("arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                "shardId-000000000002", seq(start), seq(end), expected));
    }

    @Test
    void aFirstRecordAfterTheStartMeansTheStartWasTrimmed() {
        RangeCollector collector = collector(10, 20, 5);
        collector.accept(records(13, 15, 20, 21));

        RangeRead read = collector.result("unused");

        assertThat(collector.done()).isTrue();
        assertThat(read.status()).isEqualTo(RangeStatus.PARTIAL);
        assertThat(read.records()).extracting(StreamRecord::sequenceNumber).containsExactly(seq(13), seq(15), seq(20));
        assertThat(read.lossReason()).contains("after the range start").contains(seq(10).value());
    }

    @Test
    void aFirstRecordAfterTheEndMeansTheWholeRangeIsGone() {
        RangeCollector collector = collector(10, 20, 3);
        collector.accept(records(25, 26));

        RangeRead read = collector.result("unused");

        assertThat(read.status()).isEqualTo(RangeStatus.GONE);
        assertThat(read.records()).isEmpty();
        assertThat(read.lossReason()).contains("after the range end");
    }

    @Test
    void stopsAtTheExpectedCountAndIgnoresTheRestOfThePage() {
        RangeCollector collector = collector(10, 20, 2);
        collector.accept(records(10, 11, 12));

        assertThat(collector.done()).isTrue();
        assertThat(collector.lastSeen()).isEqualTo(seq(11));
        assertThat(collector.result("unused").status()).isEqualTo(RangeStatus.COMPLETE);
    }

    @Test
    void limitIsWhatIsStillExpectedAcrossPages() {
        RangeCollector collector = collector(10, 20, 5);
        assertThat(collector.remaining()).isEqualTo(5);
        collector.accept(records(10, 11));

        assertThat(collector.remaining()).isEqualTo(3);
        assertThat(collector.done()).isFalse();
        assertThat(collector.lastSeen()).isEqualTo(seq(11));
    }

    @Test
    void nothingAtAllIsGoneWithTheReasonReadingStopped() {
        RangeRead read = collector(10, 20, 2).result("reached the tip of the open shard");

        assertThat(read.status()).isEqualTo(RangeStatus.GONE);
        assertThat(read.lossReason()).contains("no record at or after").contains("tip");
    }
}
