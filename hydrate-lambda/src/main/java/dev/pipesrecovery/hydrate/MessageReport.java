package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.archive.WriteOutcome;
import dev.pipesrecovery.archive.WriteResult;
import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.StreamReadException;

/**
 * Turns what the writes did for one judged DLQ message into its outcome, and says so in one log line: archived,
 * lost (only once its loss marker is durable), or failed (kept in the queue; conditional writes make the retry
 * complete it with no duplicate). A range wider than its batch is a WARN of its own, with its notice's key.
 */
final class MessageReport {

    /** The keys of the extra objects a message needed (null when it needed none of that kind). */
    record Extras(String lossMarkerKey, int recordsLost, String noticeKey) {}

    private final HydrateLog log;

    MessageReport(HydrateLog log) {
        this.log = log;
    }

    MessageOutcome outcome(RecordArchiver.Written written, Extras extras, Long headroom) {
        ParsedDelivery parsed = written.judged().parsed();
        RangeRead read = written.judged().read();
        RecordArchiver.Tally tally = written.tally();
        WriteResult notice =
                extras.noticeKey() == null ? null : written.extras().get(extras.noticeKey());
        if (tally.failed() > 0 || (notice != null && !notice.succeeded())) {
            String error = tally.firstError() != null ? tally.firstError() : describe(notice);
            entry(log.error("archive writes failed; the message stays in the queue and a retry completes it"), parsed)
                    .with("recordsArchived", tally.created())
                    .with("recordsAlreadyArchived", tally.alreadyArchived())
                    .with("writesFailed", tally.failed())
                    .with("error", error)
                    .write();
            return failed(
                    parsed,
                    tally,
                    headroom,
                    (tally.failed() > 0
                                    ? tally.failed() + " archive writes failed: "
                                    : "the wide-range notice could not be written: ")
                            + error);
        }
        int fromWideRanges = 0;
        if (notice != null) {
            fromWideRanges = written.records();
            entry(
                            log.warn(
                                    "the range held more records than its batch: all are archived, and the pipe may have "
                                            + "delivered some of them (ParallelizationFactor > 1 or filters)"),
                            parsed)
                    .with("recordsInRange", read.recordsInRange())
                    .with("recordsArchivedFromRange", written.records())
                    .with("wideRangeNoticeKey", extras.noticeKey())
                    .write();
        }
        if (read.status() == RangeStatus.COMPLETE) {
            entry(log.info("DLQ message hydrated"), parsed)
                    .with("records", written.records())
                    .with("recordsArchived", tally.created())
                    .with("recordsAlreadyArchived", tally.alreadyArchived())
                    .with("archiveBytes", tally.createdBytes())
                    .with("retentionHeadroomSeconds", headroom)
                    .write();
            return new MessageOutcome(
                    parsed.messageId(),
                    parsed.consumer(),
                    MessageOutcome.Status.ARCHIVED,
                    tally.created(),
                    tally.alreadyArchived(),
                    tally.createdBytes(),
                    0,
                    fromWideRanges,
                    headroom,
                    null);
        }
        WriteResult marker = written.extras().get(extras.lossMarkerKey());
        if (!marker.succeeded()) {
            entry(
                            log.error(
                                    "records lost but the loss marker could not be written; the message stays in the queue"),
                            parsed)
                    .with("recordsLost", extras.recordsLost())
                    .with("lossReason", read.lossReason())
                    .with("lossMarkerKey", extras.lossMarkerKey())
                    .with("error", describe(marker))
                    .write();
            return failed(parsed, tally, headroom, "loss marker write failed: " + describe(marker));
        }
        entry(log.error("records lost: the range can no longer be read from the stream"), parsed)
                .with("rangeStatus", read.status())
                .with("recordsLost", extras.recordsLost())
                .with("lossReason", read.lossReason())
                .with("lossMarkerKey", extras.lossMarkerKey())
                .with("lossMarkerAlreadyExisted", marker.outcome() == WriteOutcome.ALREADY_EXISTS)
                .with("recordsArchived", tally.created())
                .with("recordsAlreadyArchived", tally.alreadyArchived())
                .with("retentionHeadroomSeconds", headroom)
                .write();
        return new MessageOutcome(
                parsed.messageId(),
                parsed.consumer(),
                MessageOutcome.Status.LOST,
                tally.created(),
                tally.alreadyArchived(),
                tally.createdBytes(),
                extras.recordsLost(),
                fromWideRanges,
                headroom,
                null);
    }

    /**
     * A message of the span that was not judged: the read failed ({@code error}), or stopped at the deadline (null).
     * Either way it stays in the queue, and its redelivery reads it.
     */
    MessageOutcome notRead(ParsedDelivery parsed, Long headroom, StreamReadException error) {
        if (error == null) {
            entry(
                            log.warn("deadline: the invocation ended before this message's range was read; it will be "
                                    + "redelivered"),
                            parsed)
                    .write();
            return failed(parsed, RecordArchiver.Tally.EMPTY, headroom, "deadline: not read");
        }
        entry(log.error("stream range could not be read; the message stays in the queue for a retry"), parsed)
                .error(error)
                .write();
        return failed(
                parsed,
                RecordArchiver.Tally.EMPTY,
                headroom,
                "stream range could not be read, will retry: " + error.getMessage());
    }

    /** Writing the message's objects failed unexpectedly (a defect): it stays in the queue, with its chunk only. */
    MessageOutcome unexpected(ParsedDelivery parsed, Long headroom, RuntimeException error) {
        entry(log.error("unexpected error while archiving; the message stays in the queue"), parsed)
                .error(error)
                .write();
        return failed(parsed, RecordArchiver.Tally.EMPTY, headroom, "unexpected: " + error);
    }

    private static MessageOutcome failed(
            ParsedDelivery parsed, RecordArchiver.Tally tally, Long headroom, String reason) {
        return new MessageOutcome(
                parsed.messageId(),
                parsed.consumer(),
                MessageOutcome.Status.FAILED,
                tally.created(),
                tally.alreadyArchived(),
                tally.createdBytes(),
                0,
                0,
                headroom,
                reason);
    }

    private static String describe(WriteResult result) {
        return result.failure().getClass().getSimpleName() + ": "
                + result.failure().getMessage();
    }

    static HydrateLog.Entry entry(HydrateLog.Entry entry, ParsedDelivery parsed) {
        DlqMessage message = parsed.message();
        return entry.with("consumer", parsed.consumer())
                .with("messageId", parsed.messageId())
                .with("streamArn", message.batch().streamArn())
                .with("shardId", message.batch().shardId())
                .with("startSequenceNumber", message.batch().startSequenceNumber())
                .with("endSequenceNumber", message.batch().endSequenceNumber())
                .with("batchSize", message.batch().batchSize());
    }
}
