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
import dev.pipesrecovery.stream.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the records of one DLQ message into archived-record objects and writes them conditionally, in chunks so that
 * a range of large records never holds every envelope in memory at once (the store writes each chunk in parallel).
 */
final class RecordArchiver {

    /** Envelope bytes per chunk: base64 makes an envelope ~4/3 of its record, so a chunk stays well under 64 MiB. */
    static final long CHUNK_BYTES = 32L * 1024 * 1024;
    static final int CHUNK_RECORDS = 1000;

    private final ArchiveStore store;
    private final KeyLayout layout;

    RecordArchiver(ArchiveStore store, KeyLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    /** What the writes did. {@code firstError} is null when nothing failed. */
    record Tally(int created, int alreadyArchived, int failed, long createdBytes, String firstError) {

        static final Tally EMPTY = new Tally(0, 0, 0, 0, null);

        Tally plus(WriteResult result) {
            if (!result.succeeded()) {
                String error = firstError != null ? firstError
                        : result.failure().getClass().getSimpleName() + ": " + result.failure().getMessage();
                return new Tally(created, alreadyArchived, failed + 1, createdBytes, error);
            }
            return result.outcome() == WriteOutcome.CREATED
                    ? new Tally(created + 1, alreadyArchived, failed, createdBytes + result.write().body().length, firstError)
                    : new Tally(created, alreadyArchived + 1, failed, createdBytes, firstError);
        }
    }

    Tally archive(ParsedDelivery parsed, List<StreamRecord> records, Instant hydratedAt) {
        ArchivedRecord.FailureInfo failure = failureInfo(parsed, hydratedAt);
        Tally tally = Tally.EMPTY;
        List<ArchiveWrite> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (StreamRecord record : records) {
            ArchiveWrite write = toWrite(parsed, record, failure);
            chunk.add(write);
            chunkBytes += write.body().length;
            if (chunk.size() >= CHUNK_RECORDS || chunkBytes >= CHUNK_BYTES) {
                tally = writeChunk(chunk, tally);
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
        }
        return chunk.isEmpty() ? tally : writeChunk(chunk, tally);
    }

    private Tally writeChunk(List<ArchiveWrite> chunk, Tally tally) {
        for (WriteResult result : store.putAllIfAbsent(chunk)) {
            tally = tally.plus(result);
        }
        return tally;
    }

    private ArchiveWrite toWrite(ParsedDelivery parsed, StreamRecord record, ArchivedRecord.FailureInfo failure) {
        DlqMessage message = parsed.message();
        ArchivedRecord envelope = new ArchivedRecord(ArchivedRecord.CURRENT_VERSION, parsed.consumer(),
                message.batch().streamArn(), record.shardId(), record.sequenceNumber(), record.subSequenceNumber(),
                record.partitionKey(), record.approximateArrivalTimestamp(), record.data(), failure);
        String key = layout.format(ArchiveKey.of(parsed.consumer(), record.partitionKey(),
                record.approximateArrivalTimestamp(), record.shardId(), record.sequenceNumber(),
                record.subSequenceNumber()));
        return new ArchiveWrite(key, ArchivedRecordCodec.encode(envelope));
    }

    private static ArchivedRecord.FailureInfo failureInfo(ParsedDelivery parsed, Instant hydratedAt) {
        DlqMessage message = parsed.message();
        return new ArchivedRecord.FailureInfo(message.sourceArn(), message.condition(), parsed.messageId(),
                message.timestamp(), new ArchivedRecord.BatchRef(message.batch().startSequenceNumber(),
                message.batch().endSequenceNumber(), message.batch().batchSize()), hydratedAt);
    }
}
