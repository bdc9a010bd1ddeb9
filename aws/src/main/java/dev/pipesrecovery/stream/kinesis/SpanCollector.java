package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.SpanListener;
import dev.pipesrecovery.stream.StreamRecord;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Routes the records of a span's pages (shard order) to the ranges that hold them and judges each range as soon as
 * it can: when a record past its end arrives, when its end record itself arrives, or when the shard has no more.
 * Records are kept until their range is judged, then handed to the listener and released. Sequence numbers are
 * compared as {@code BigInteger}. A record belongs to every range whose {@code [start, end]} holds it: ranges may
 * overlap or interleave (concurrent batches of one shard).
 *
 * <p>Judging: a range whose start lies before the first record of the read that reached it (that read was positioned
 * at or before the start, and Kinesis returns the first record at or after a position) lost its head to the trim
 * horizon: PARTIAL, or GONE when nothing of it is left. A range read whole with fewer records than its batch is
 * PARTIAL. Otherwise COMPLETE, however many more records than its batch it holds.
 */
final class SpanCollector {

    private static final class Slot {
        final ShardRange range;
        final BigInteger start;
        final BigInteger end;
        List<StreamRecord> records = new ArrayList<>();
        boolean headMissing;
        boolean judged;

        Slot(ShardRange range) {
            this.range = range;
            this.start = range.start().numeric();
            this.end = range.end().numeric();
        }
    }

    private final List<Slot> byStart;
    private final PriorityQueue<Slot> active = new PriorityQueue<>(Comparator.comparing((Slot s) -> s.end));
    private final SpanListener listener;
    private int nextOpen;
    private int judgedCount;
    private boolean runHasRecords;
    private SequenceNumber lastSeen;
    private long recordsSeen;
    private long recordsKept;
    private long recordsSinceKept;
    private long bytesSeen;

    /** @param ranges one shard's ranges, any order */
    SpanCollector(List<ShardRange> ranges, SpanListener listener) {
        this.byStart = ranges.stream()
                .map(Slot::new)
                .sorted(Comparator.comparing((Slot s) -> s.start).thenComparing(s -> s.end))
                .toList();
        this.listener = listener;
    }

    boolean done() {
        return judgedCount == byStart.size();
    }

    boolean hasActive() {
        return !active.isEmpty();
    }

    /** The start of the first range no record has reached yet; null when there is none. */
    SequenceNumber nextOpenStart() {
        skipJudged();
        return nextOpen < byStart.size() ? byStart.get(nextOpen).range.start() : null;
    }

    /** A new read positioned at the next open start: its first record tells whether what precedes it is gone. */
    void beginRun() {
        runHasRecords = false;
    }

    /** GetShardIterator refused the next open start while the stream exists: that range is gone. */
    void refuseNextOpen(String reason) {
        skipJudged();
        judge(byStart.get(nextOpen++), RangeStatus.GONE, reason);
    }

    void accept(List<Record> page) {
        for (Record record : page) {
            BigInteger seq = new BigInteger(record.sequenceNumber());
            boolean firstOfRun = !runHasRecords;
            runHasRecords = true;
            recordsSeen++;
            byte[] data = record.data().asByteArrayUnsafe(); // no copy: StreamRecord documents data is never mutated
            bytesSeen += data.length;
            while (!active.isEmpty() && active.peek().end.compareTo(seq) < 0) {
                judgeRead(active.poll(), "reaching the range end");
            }
            activateUpTo(seq, record.sequenceNumber(), firstOfRun);
            if (active.isEmpty()) {
                recordsSinceKept++;
            } else {
                StreamRecord kept = StreamRecord.plain(
                        byStart.get(0).range.shardId(),
                        SequenceNumber.of(record.sequenceNumber()),
                        record.partitionKey(),
                        record.approximateArrivalTimestamp(),
                        data);
                active.forEach(slot -> slot.records.add(kept));
                recordsKept++;
                recordsSinceKept = 0;
            }
            while (!active.isEmpty() && active.peek().end.compareTo(seq) <= 0) {
                judgeRead(active.poll(), "reaching the range end");
            }
            lastSeen = SequenceNumber.of(record.sequenceNumber());
        }
    }

    private void activateUpTo(BigInteger seq, String seqText, boolean firstOfRun) {
        while (nextOpen < byStart.size() && byStart.get(nextOpen).start.compareTo(seq) <= 0) {
            Slot slot = byStart.get(nextOpen++);
            if (slot.judged) {
                continue;
            }
            slot.headMissing = firstOfRun && slot.start.compareTo(seq) < 0;
            if (slot.end.compareTo(seq) < 0) {
                judge(
                        slot,
                        RangeStatus.GONE,
                        "the first readable record " + seqText + " is after the range end " + slot.range.end()
                                + ": all " + slot.range.expectedCount() + " records were trimmed");
            } else {
                active.add(slot);
            }
        }
    }

    /** The shard has nothing more (closed shard, tip of an open one): every range left is judged on what was read. */
    void finish(String why) {
        while (!active.isEmpty()) {
            judgeRead(active.poll(), why);
        }
        for (skipJudged(); nextOpen < byStart.size(); skipJudged()) {
            Slot slot = byStart.get(nextOpen++);
            judge(slot, RangeStatus.GONE, "no record at or after " + slot.range.start() + " (" + why + ")");
        }
    }

    /** The read broke off inside the ranges still open (e.g. trimmed while reading): judge them on what was read. */
    void breakRun(String why) {
        while (!active.isEmpty()) {
            Slot slot = active.poll();
            judge(
                    slot,
                    slot.records.isEmpty() ? RangeStatus.GONE : RangeStatus.PARTIAL,
                    "read " + slot.records.size() + " of at least " + slot.range.expectedCount() + " records, then "
                            + why);
        }
    }

    private void judgeRead(Slot slot, String stoppedAt) {
        int read = slot.records.size();
        int batch = slot.range.expectedCount();
        if (slot.headMissing) {
            judge(
                    slot,
                    RangeStatus.PARTIAL,
                    "the first readable record " + slot.records.get(0).sequenceNumber() + " is after the range start "
                            + slot.range.start() + " (trimmed); read " + read + " of " + batch);
        } else if (read < batch) {
            judge(slot, RangeStatus.PARTIAL, "read " + read + " of " + batch + " records before " + stoppedAt);
        } else {
            judge(slot, RangeStatus.COMPLETE, null);
        }
    }

    private void judge(Slot slot, RangeStatus status, String reason) {
        slot.judged = true;
        judgedCount++;
        List<StreamRecord> records = slot.records;
        slot.records = null;
        listener.judged(new RangeRead(slot.range, records, status, reason));
    }

    private void skipJudged() {
        while (nextOpen < byStart.size() && byStart.get(nextOpen).judged) {
            nextOpen++;
        }
    }

    /** Records the next reads should ask for to finish the ranges a record already reached (at least 1 each). */
    long activeNeed() {
        long need = 0;
        for (Slot slot : active) {
            int read = slot.records.size();
            // a range wider than its batch: ask for as many again as it has, so that it ends in a few calls
            need += read < slot.range.expectedCount() ? slot.range.expectedCount() - read : Math.max(read, 1);
        }
        return need;
    }

    /** Records the ranges no record has reached yet hold at least (their batch sizes); the next one's alone first. */
    long openExpected(boolean nextOnly) {
        long expected = 0;
        for (int i = nextOpen; i < byStart.size(); i++) {
            Slot slot = byStart.get(i);
            if (!slot.judged) {
                expected += slot.range.expectedCount();
                if (nextOnly) {
                    break;
                }
            }
        }
        return expected;
    }

    /** The last record any page returned, for renewing an expired iterator ({@code null} before the first). */
    SequenceNumber lastSeen() {
        return lastSeen;
    }

    /**
     * What the span's reads returned so far: records, those a range kept, those since the last kept one (a lower
     * bound of the gap being read through), and bytes.
     */
    record Seen(long records, long kept, long sinceKept, long bytes) {}

    Seen seen() {
        return new Seen(recordsSeen, recordsKept, recordsSinceKept, bytesSeen);
    }
}
