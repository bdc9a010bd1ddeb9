package dev.pipesrecovery.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;

/** The routing and judging of a span's records, page by page, without a stream. */
class SpanCollectorTest {

    // 56-digit sequence numbers: beyond long, compared as BigInteger
    static final String BASE = "4968052322889216980033237019209755308111100343675676";

    final List<RangeRead> judged = new ArrayList<>();

    static SequenceNumber seq(int n) {
        return SequenceNumber.of(BASE + String.format("%04d", n));
    }

    static List<Record> records(int... ns) {
        return Arrays.stream(ns)
                .mapToObj(n -> Record.builder()
                        .sequenceNumber(seq(n).value())
                        .partitionKey("pk")
                        .approximateArrivalTimestamp(Instant.parse("2026-11-21T22:15:03.123Z"))
                        .data(SdkBytes.fromUtf8String("r" + n))
                        .build())
                .toList();
    }

    static ShardRange range(int start, int end, int batchSize) {
        return new ShardRange(
                "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                "shardId-000000000002",
                seq(start),
                seq(end),
                batchSize);
    }

    SpanCollector span(ShardRange... ranges) {
        SpanCollector span = new SpanCollector(List.of(ranges), judged::add);
        span.beginRun();
        return span;
    }

    RangeRead judgedRange(int start) {
        return judged.stream()
                .filter(r -> r.range().start().equals(seq(start)))
                .findFirst()
                .orElseThrow();
    }

    static List<SequenceNumber> seqs(RangeRead read) {
        return read.records().stream().map(StreamRecord::sequenceNumber).toList();
    }

    @Test
    void aRecordPastTheEndEndsARangeWiderThanItsBatch() {
        SpanCollector span = span(range(10, 14, 2));
        span.accept(records(10, 11, 12, 13));
        assertThat(judged).isEmpty();

        span.accept(records(14, 15));

        assertThat(span.done()).isTrue();
        RangeRead read = judgedRange(10);
        assertThat(read.status()).isEqualTo(RangeStatus.COMPLETE);
        assertThat(seqs(read)).containsExactly(seq(10), seq(11), seq(12), seq(13), seq(14));
        assertThat(read.widerThanBatch()).isTrue();
        assertThat(span.lastSeen()).isEqualTo(seq(15));
    }

    @Test
    void interleavedRangesEachGetEveryRecordTheyHoldAndAreJudgedAsTheirEndPasses() {
        SpanCollector span = span(range(20, 30, 3), range(10, 25, 3));
        span.accept(records(10, 12, 20, 22, 25));
        assertThat(judged).extracting(r -> r.range().start()).containsExactly(seq(10));
        span.accept(records(27, 31));

        assertThat(seqs(judgedRange(10))).containsExactly(seq(10), seq(12), seq(20), seq(22), seq(25));
        assertThat(seqs(judgedRange(20))).containsExactly(seq(20), seq(22), seq(25), seq(27));
        assertThat(judged).allMatch(r -> r.status() == RangeStatus.COMPLETE);
        assertThat(span.seen().kept()).isEqualTo(6);
    }

    @Test
    void theFirstRecordOfAReadAfterTheStartsMeansTrimmedHeadsAndGoneRanges() {
        SpanCollector span = span(range(1, 3, 1), range(4, 6, 2), range(7, 12, 3), range(15, 16, 2));
        span.accept(records(9, 10, 11, 12, 15, 16));

        assertThat(judgedRange(1).status()).isEqualTo(RangeStatus.GONE);
        assertThat(judgedRange(1).lossReason()).contains("after the range end");
        assertThat(judgedRange(4).status()).isEqualTo(RangeStatus.GONE);
        RangeRead boundary = judgedRange(7);
        assertThat(boundary.status()).isEqualTo(RangeStatus.PARTIAL);
        assertThat(boundary.lossReason()).contains("after the range start").contains(seq(7).value());
        assertThat(seqs(boundary)).containsExactly(seq(9), seq(10), seq(11), seq(12));
        assertThat(judgedRange(15).status())
                .as("read whole after the trimmed ones")
                .isEqualTo(RangeStatus.COMPLETE);
    }

    @Test
    void fewerRecordsThanTheBatchBeforeTheEndIsPartial() {
        SpanCollector span = span(range(10, 20, 5));
        span.accept(records(10, 15, 21));

        assertThat(judgedRange(10).status()).isEqualTo(RangeStatus.PARTIAL);
        assertThat(judgedRange(10).lossReason()).contains("read 2 of 5");
        assertThat(judgedRange(10).missingCount()).isEqualTo(3);
    }

    @Test
    void theEndOfTheShardJudgesWhatIsLeftAndRefusalsAreGone() {
        SpanCollector span = span(range(10, 20, 2), range(30, 40, 1), range(50, 60, 1));
        span.refuseNextOpen("GetShardIterator refused");
        span.beginRun();
        span.accept(records(30, 31));
        span.finish("reached the tip of the open shard");

        assertThat(judgedRange(10).status()).isEqualTo(RangeStatus.GONE);
        assertThat(judgedRange(10).lossReason()).isEqualTo("GetShardIterator refused");
        assertThat(judgedRange(30).status()).isEqualTo(RangeStatus.COMPLETE);
        assertThat(judgedRange(50).status()).isEqualTo(RangeStatus.GONE);
        assertThat(judgedRange(50).lossReason())
                .contains("no record at or after")
                .contains("tip");
        assertThat(span.done()).isTrue();
    }

    @Test
    void readAheadAsksForWhatIsExpectedWhenDenseAndRepositionsOverLargeGaps() {
        ReadAhead readAhead = new ReadAhead(10_000);
        SpanCollector dense = span(range(0, 0, 1), range(1, 1, 1), range(2, 2, 1), range(3, 3, 1));
        assertThat(readAhead.limit(dense))
                .as("every record expected, nothing learnt yet")
                .isEqualTo(4);

        SpanCollector sparse = span(range(0, 0, 1), range(100, 100, 1), range(200, 200, 1), range(300, 300, 1));
        sparse.accept(records(java.util.stream.IntStream.rangeClosed(0, 150).toArray()));
        assertThat(readAhead.reposition(sparse, false))
                .as("a 100-record gap of 6-byte records is worth reading")
                .isFalse();
        assertThat(readAhead.limit(sparse))
                .as("at least 256 KiB of 6-byte records, at most 10,000")
                .isEqualTo(10_000);
        assertThat(new ReadAhead(50).limit(sparse))
                .as("never above the maximum")
                .isEqualTo(50);
        assertThat(readAhead.reposition(sparse, true))
                .as("a page that kept nothing ends the read-through")
                .isTrue();
    }
}
