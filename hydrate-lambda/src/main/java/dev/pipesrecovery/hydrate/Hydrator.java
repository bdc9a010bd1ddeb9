package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.archive.LossMarkerCodec;
import dev.pipesrecovery.archive.WriteOutcome;
import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.StreamRangeReader;
import dev.pipesrecovery.stream.StreamReadException;
import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.stream.kpl.KplDeaggregator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Hydrates one DLQ message: re-reads its range from the stream, opens KPL aggregates, archives one object per user
 * record with a conditional write, and turns a range that can no longer be read into a durable loss marker. Never
 * reads from another position to make up for missing records (the reader port guarantees it) and never throws for a
 * failure that may pass: that becomes a {@link MessageOutcome.Status#FAILED} outcome so the message is retried.
 */
public final class Hydrator {

    private final StreamRangeReader reader;
    private final ArchiveStore store;
    private final KeyLayout layout;
    private final Clock clock;
    private final HydrateLog log;
    private final RecordArchiver archiver;

    public Hydrator(StreamRangeReader reader, ArchiveStore store, KeyLayout layout, Clock clock, HydrateLog log) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.store = Objects.requireNonNull(store, "store");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.archiver = new RecordArchiver(store, layout);
    }

    public MessageOutcome hydrate(ParsedDelivery parsed) {
        DlqMessage message = parsed.message();
        RangeRead read;
        try {
            read = reader.read(message.range());
        } catch (StreamReadException e) {
            String reason = "stream range could not be read, will retry: " + e.getMessage();
            entry(log.error("stream range could not be read; the message stays in the queue for a retry"), parsed)
                    .error(e).write();
            return failed(parsed, 0, 0, 0, headroomSeconds(message), reason);
        }
        Instant hydratedAt = clock.instant();
        Long headroom = headroomSeconds(message);
        List<StreamRecord> records = read.records().stream()
                .flatMap(record -> KplDeaggregator.deaggregate(record).stream())
                .toList();
        RecordArchiver.Tally tally = archiver.archive(parsed, records, hydratedAt);
        if (tally.failed() > 0) {
            entry(log.error("archive writes failed; the message stays in the queue and a retry completes it"), parsed)
                    .with("recordsArchived", tally.created()).with("recordsAlreadyArchived", tally.alreadyArchived())
                    .with("writesFailed", tally.failed()).with("error", tally.firstError()).write();
            return failed(parsed, tally.created(), tally.alreadyArchived(), tally.createdBytes(), headroom,
                    tally.failed() + " archive writes failed: " + tally.firstError());
        }
        if (read.status() == RangeStatus.COMPLETE) {
            entry(log.info("DLQ message hydrated"), parsed)
                    .with("records", records.size()).with("recordsArchived", tally.created())
                    .with("recordsAlreadyArchived", tally.alreadyArchived()).with("archiveBytes", tally.createdBytes())
                    .with("retentionHeadroomSeconds", headroom).write();
            return new MessageOutcome(parsed.messageId(), parsed.consumer(), MessageOutcome.Status.ARCHIVED,
                    tally.created(), tally.alreadyArchived(), tally.createdBytes(), 0, headroom, null);
        }
        return recordLoss(parsed, read, tally, headroom);
    }

    /** A range (or part of it) that is gone: write the marker first; only a durable marker lets the message go. */
    private MessageOutcome recordLoss(ParsedDelivery parsed, RangeRead read, RecordArchiver.Tally tally, Long headroom) {
        DlqMessage message = parsed.message();
        int lost = Math.max(1, read.missingCount());
        LossMarker marker = new LossMarker(parsed.consumer(), message.batch().streamArn(), message.batch().shardId(),
                message.batch().startSequenceNumber(), message.batch().endSequenceNumber(),
                message.batch().batchSize(), lost, read.status() + ": " + read.lossReason(), parsed.messageId(),
                parsed.delivery().body(), clock.instant());
        String key = layout.lossMarkerKey(parsed.consumer(),
                message.batch().approximateArrivalOfFirstRecord().atZone(ZoneOffset.UTC).toLocalDate(),
                message.batch().shardId(), message.batch().startSequenceNumber(), message.batch().endSequenceNumber());
        WriteOutcome written;
        try {
            written = store.putIfAbsent(new ArchiveWrite(key, LossMarkerCodec.encode(marker)));
        } catch (ArchiveException e) {
            entry(log.error("records lost but the loss marker could not be written; the message stays in the queue"),
                    parsed).with("recordsLost", lost).with("lossReason", read.lossReason()).with("lossMarkerKey", key)
                    .error(e).write();
            return failed(parsed, tally.created(), tally.alreadyArchived(), tally.createdBytes(), headroom,
                    "loss marker write failed: " + e.getMessage());
        }
        entry(log.error("records lost: the range can no longer be read from the stream"), parsed)
                .with("rangeStatus", read.status()).with("recordsLost", lost).with("lossReason", read.lossReason())
                .with("lossMarkerKey", key).with("lossMarkerAlreadyExisted", written == WriteOutcome.ALREADY_EXISTS)
                .with("recordsArchived", tally.created()).with("recordsAlreadyArchived", tally.alreadyArchived())
                .with("retentionHeadroomSeconds", headroom).write();
        return new MessageOutcome(parsed.messageId(), parsed.consumer(), MessageOutcome.Status.LOST, tally.created(),
                tally.alreadyArchived(), tally.createdBytes(), lost, headroom, null);
    }

    /** Retention minus the age of the oldest record of the message: how long until the stream trims it. */
    private Long headroomSeconds(DlqMessage message) {
        try {
            long retentionSeconds = Duration.ofHours(reader.retentionHours(message.batch().streamArn())).toSeconds();
            Duration age = Duration.between(message.batch().approximateArrivalOfFirstRecord(), clock.instant());
            return retentionSeconds - age.toSeconds();
        } catch (StreamReadException e) {
            return null; // the stream cannot be described (unknown, no permission): the read failure says why
        }
    }

    private MessageOutcome failed(ParsedDelivery parsed, int created, int already, long bytes, Long headroom,
                                  String reason) {
        return new MessageOutcome(parsed.messageId(), parsed.consumer(), MessageOutcome.Status.FAILED, created,
                already, bytes, 0, headroom, reason);
    }

    static HydrateLog.Entry entry(HydrateLog.Entry entry, ParsedDelivery parsed) {
        DlqMessage message = parsed.message();
        return entry.with("consumer", parsed.consumer()).with("messageId", parsed.messageId())
                .with("streamArn", message.batch().streamArn()).with("shardId", message.batch().shardId())
                .with("startSequenceNumber", message.batch().startSequenceNumber())
                .with("endSequenceNumber", message.batch().endSequenceNumber())
                .with("batchSize", message.batch().batchSize());
    }
}
