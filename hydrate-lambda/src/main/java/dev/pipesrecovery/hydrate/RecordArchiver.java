package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.WriteOutcome;
import dev.pipesrecovery.archive.WriteResult;
import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.stream.kpl.KplDeaggregator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the archive objects of judged DLQ messages: one conditional write per record (KPL aggregates opened), plus
 * the extra objects a message asks for (loss marker, wide-range notice), in slices so that the envelopes of many or
 * large records are never all in memory at once (the store writes each slice in parallel). A record that two messages'
 * ranges hold (interleaved batches) is written once; the message that met it first counts it as created.
 */
final class RecordArchiver {

    /** Envelope bytes per slice: base64 makes an envelope ~4/3 of its record, so a slice stays well under 64 MiB. */
    static final long CHUNK_BYTES = 32L * 1024 * 1024;

    static final int CHUNK_RECORDS = 1000;

    /** A message the reader has judged, and the extra objects (loss marker, notice) it needs. */
    record Judged(ParsedDelivery parsed, RangeRead read, List<ArchiveWrite> extras) {}

    /** What the writes did for one message: its records' tally, and each extra write's result, by key. */
    record Written(Judged judged, int records, Tally tally, Map<String, WriteResult> extras) {}

    /** What the record writes did. {@code firstError} is null when nothing failed. */
    record Tally(int created, int alreadyArchived, int failed, long createdBytes, String firstError) {

        static final Tally EMPTY = new Tally(0, 0, 0, 0, null);

        Tally plus(WriteResult result, boolean firstToMeetIt) {
            if (!result.succeeded()) {
                String error = firstError != null
                        ? firstError
                        : result.failure().getClass().getSimpleName() + ": "
                                + result.failure().getMessage();
                return new Tally(created, alreadyArchived, failed + 1, createdBytes, error);
            }
            return result.outcome() == WriteOutcome.CREATED && firstToMeetIt
                    ? new Tally(
                            created + 1,
                            alreadyArchived,
                            failed,
                            createdBytes + result.write().body().length,
                            firstError)
                    : new Tally(created, alreadyArchived + 1, failed, createdBytes, firstError);
        }
    }

    private final ArchiveStore store;
    private final KeyLayout layout;

    RecordArchiver(ArchiveStore store, KeyLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    /** The user records of a read: plain records as they are, each KPL aggregate opened. */
    static List<StreamRecord> userRecords(RangeRead read) {
        return read.records().stream()
                .flatMap(record -> KplDeaggregator.deaggregate(record).stream())
                .toList();
    }

    List<Written> write(List<Judged> judged, Instant hydratedAt) {
        Map<String, WriteResult> results = new HashMap<>();
        List<List<String>> recordKeys = new ArrayList<>();
        Slice slice = new Slice(results);
        for (Judged message : judged) {
            ArchivedRecord.FailureInfo failure = failureInfo(message, hydratedAt);
            List<String> keys = new ArrayList<>();
            for (StreamRecord record : userRecords(message.read())) {
                keys.add(slice.add(envelope(message.parsed(), record, failure)));
            }
            recordKeys.add(keys);
            message.extras().forEach(slice::add);
        }
        slice.flush();
        List<Written> written = new ArrayList<>(judged.size());
        Set<String> met = new HashSet<>();
        for (int i = 0; i < judged.size(); i++) {
            Tally tally = Tally.EMPTY;
            for (String key : recordKeys.get(i)) {
                tally = tally.plus(results.get(key), met.add(key));
            }
            Map<String, WriteResult> extras = new HashMap<>();
            judged.get(i).extras().forEach(extra -> extras.put(extra.key(), results.get(extra.key())));
            written.add(new Written(judged.get(i), recordKeys.get(i).size(), tally, extras));
        }
        return written;
    }

    /** Writes queued objects once the slice is full; a key already written or queued is not written again. */
    private final class Slice {
        private final Map<String, WriteResult> results;
        private final Set<String> queuedKeys = new HashSet<>();
        private List<ArchiveWrite> writes = new ArrayList<>();
        private long bytes;

        Slice(Map<String, WriteResult> results) {
            this.results = results;
        }

        String add(ArchiveWrite write) {
            if (!results.containsKey(write.key()) && queuedKeys.add(write.key())) {
                writes.add(write);
                bytes += write.body().length;
                if (writes.size() >= CHUNK_RECORDS || bytes >= CHUNK_BYTES) {
                    flush();
                }
            }
            return write.key();
        }

        void flush() {
            if (!writes.isEmpty()) {
                store.putAllIfAbsent(writes)
                        .forEach(result -> results.put(result.write().key(), result));
                writes = new ArrayList<>();
                queuedKeys.clear();
                bytes = 0;
            }
        }
    }

    private ArchiveWrite envelope(ParsedDelivery parsed, StreamRecord record, ArchivedRecord.FailureInfo failure) {
        DlqMessage message = parsed.message();
        ArchivedRecord envelope = new ArchivedRecord(
                ArchivedRecord.CURRENT_VERSION,
                parsed.consumer(),
                message.batch().streamArn(),
                record.shardId(),
                record.sequenceNumber(),
                record.subSequenceNumber(),
                record.partitionKey(),
                record.approximateArrivalTimestamp(),
                record.data(),
                failure);
        String key = layout.format(ArchiveKey.of(
                parsed.consumer(),
                record.partitionKey(),
                record.approximateArrivalTimestamp(),
                record.shardId(),
                record.sequenceNumber(),
                record.subSequenceNumber()));
        return new ArchiveWrite(key, ArchivedRecordCodec.encode(envelope));
    }

    private static ArchivedRecord.FailureInfo failureInfo(Judged judged, Instant hydratedAt) {
        DlqMessage message = judged.parsed().message();
        return new ArchivedRecord.FailureInfo(
                message.sourceArn(),
                message.condition(),
                judged.parsed().messageId(),
                message.timestamp(),
                new ArchivedRecord.BatchRef(
                        message.batch().startSequenceNumber(),
                        message.batch().endSequenceNumber(),
                        message.batch().batchSize(),
                        judged.read().recordsInRange()),
                hydratedAt);
    }
}
