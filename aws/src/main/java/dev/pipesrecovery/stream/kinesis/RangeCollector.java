package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Collects the records of one range page by page (sequence numbers compared as {@code BigInteger}), knows when the
 * range is done, and judges what was read: complete, partial (start trimmed, or fewer than {@code batchSize}) or gone.
 */
final class RangeCollector {

    private final ShardRange range;
    private final List<StreamRecord> records = new ArrayList<>();
    private SequenceNumber firstSeen;
    private SequenceNumber lastSeen;
    private boolean pastEnd;

    RangeCollector(ShardRange range) {
        this.range = range;
    }

    /** Takes a page in shard order; ignores what follows the first record past the range end. */
    void accept(List<Record> page) {
        for (Record record : page) {
            if (done()) {
                return;
            }
            SequenceNumber sequenceNumber = SequenceNumber.of(record.sequenceNumber());
            if (firstSeen == null) {
                firstSeen = sequenceNumber;
            }
            lastSeen = sequenceNumber;
            if (sequenceNumber.isAfter(range.end())) {
                pastEnd = true;
            } else if (!sequenceNumber.isBefore(range.start())) {
                // asByteArrayUnsafe: no copy of up to 10 MiB; StreamRecord documents that data is never mutated
                records.add(StreamRecord.plain(range.shardId(), sequenceNumber, record.partitionKey(),
                        record.approximateArrivalTimestamp(), record.data().asByteArrayUnsafe()));
            }
        }
    }

    boolean done() {
        return pastEnd || records.size() >= range.expectedCount();
    }

    /** Records still expected (at least 1, for the GetRecords {@code Limit}). */
    int remaining() {
        return Math.max(1, range.expectedCount() - records.size());
    }

    /** The last record any page returned, for renewing an expired iterator ({@code null} before the first). */
    SequenceNumber lastSeen() {
        return lastSeen;
    }

    /** @param stoppedBecause why reading stopped when the range was not done (closed shard, tip of an open shard) */
    RangeRead result(String stoppedBecause) {
        if (records.isEmpty()) {
            String reason = firstSeen != null
                    ? "the first readable record " + firstSeen + " is after the range end " + range.end()
                    + ": all " + range.expectedCount() + " records were trimmed"
                    : "no record at or after " + range.start() + " (" + stoppedBecause + ")";
            return new RangeRead(range, List.of(), RangeStatus.GONE, reason);
        }
        if (firstSeen.isAfter(range.start())) {
            return new RangeRead(range, records, RangeStatus.PARTIAL, "the first readable record " + firstSeen
                    + " is after the range start " + range.start() + " (trimmed); read " + records.size() + " of "
                    + range.expectedCount());
        }
        if (records.size() < range.expectedCount()) {
            return new RangeRead(range, records, RangeStatus.PARTIAL, "read " + records.size() + " of "
                    + range.expectedCount() + " records before " + (pastEnd ? "passing the range end" : stoppedBecause));
        }
        return RangeRead.complete(range, records);
    }
}
