package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.archive.LossMarkerCodec;
import dev.pipesrecovery.archive.WideRangeNotice;
import dev.pipesrecovery.dlq.KinesisBatchInfo;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.SpanListener;
import dev.pipesrecovery.stream.StreamRangeReader;
import dev.pipesrecovery.stream.StreamReadException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hydrates a span: the DLQ messages of one shard in an invocation, read together by the {@link StreamRangeReader}.
 * As the reader judges each message's range, its records are archived (in chunks of up to {@value
 * RecordArchiver#CHUNK_RECORDS} records written in parallel) and its outcome is handed over at once: archived, lost
 * (a durable loss marker first) or failed. A range wider than its batch is archived whole and noted. Messages the read
 * did not reach (it failed, or the invocation neared its deadline) fail on their own: the rest of the span stands.
 */
public final class Hydrator {

    private final StreamRangeReader reader;
    private final KeyLayout layout;
    private final Clock clock;
    private final RecordArchiver archiver;
    private final MessageReport report;

    public Hydrator(StreamRangeReader reader, ArchiveStore store, KeyLayout layout, Clock clock, HydrateLog log) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.archiver = new RecordArchiver(Objects.requireNonNull(store, "store"), layout);
        this.report = new MessageReport(Objects.requireNonNull(log, "log"));
    }

    /**
     * @param span         messages of one stream and shard
     * @param mayContinue  false once no more reading should start (the invocation nears its deadline)
     * @param done         receives each message's outcome, once
     */
    public void hydrate(List<ParsedDelivery> span, BooleanSupplier mayContinue, Consumer<MessageOutcome> done) {
        Map<ShardRange, ParsedDelivery> byRange = new IdentityHashMap<>();
        for (ParsedDelivery parsed : span) {
            byRange.put(parsed.message().range(), parsed);
        }
        Long retentionSeconds = retentionSeconds(span.get(0).message().batch().streamArn());
        Chunk chunk = new Chunk(retentionSeconds, done);
        StreamReadException failure = null;
        try {
            reader.readSpan(new ArrayList<>(byRange.keySet()), new SpanListener() {
                @Override
                public void judged(RangeRead read) {
                    chunk.add(byRange.remove(read.range()), read);
                }

                @Override
                public boolean mayContinue() {
                    return mayContinue.getAsBoolean();
                }
            });
        } catch (StreamReadException e) {
            failure = e;
        }
        chunk.flush();
        for (ParsedDelivery unread : byRange.values()) {
            done.accept(report.notRead(unread, headroom(retentionSeconds, unread), failure));
        }
    }

    /** Judged messages waiting to be written together. */
    private final class Chunk {
        private final Long retentionSeconds;
        private final Consumer<MessageOutcome> done;
        private final List<RecordArchiver.Judged> judged = new ArrayList<>();
        private final List<MessageReport.Extras> extras = new ArrayList<>();
        private long records;
        private long bytes;

        Chunk(Long retentionSeconds, Consumer<MessageOutcome> done) {
            this.retentionSeconds = retentionSeconds;
            this.done = done;
        }

        void add(ParsedDelivery parsed, RangeRead read) {
            List<ArchiveWrite> writes = new ArrayList<>(2);
            MessageReport.Extras keys = extrasFor(parsed, read, writes);
            judged.add(new RecordArchiver.Judged(parsed, read, writes));
            extras.add(keys);
            records += read.records().size();
            bytes += read.records().stream().mapToLong(r -> r.data().length).sum() * 4 / 3;
            if (records >= RecordArchiver.CHUNK_RECORDS || bytes >= RecordArchiver.CHUNK_BYTES) {
                flush();
            }
        }

        /** Writes the chunk; an unexpected error fails its messages only, and the span reads on. */
        void flush() {
            if (judged.isEmpty()) {
                return;
            }
            try {
                List<RecordArchiver.Written> written = archiver.write(judged, clock.instant());
                for (int i = 0; i < written.size(); i++) {
                    done.accept(report.outcome(
                            written.get(i),
                            extras.get(i),
                            headroom(retentionSeconds, written.get(i).judged().parsed())));
                }
            } catch (RuntimeException e) {
                judged.forEach(
                        j -> done.accept(report.unexpected(j.parsed(), headroom(retentionSeconds, j.parsed()), e)));
            }
            judged.clear();
            extras.clear();
            records = 0;
            bytes = 0;
        }
    }

    /** The loss marker of a range not read whole, the notice of a range wider than its batch. */
    private MessageReport.Extras extrasFor(ParsedDelivery parsed, RangeRead read, List<ArchiveWrite> writes) {
        KinesisBatchInfo batch = parsed.message().batch();
        var day = batch.approximateArrivalOfFirstRecord().atZone(ZoneOffset.UTC).toLocalDate();
        String markerKey = null;
        int lost = 0;
        if (read.status() != RangeStatus.COMPLETE) {
            lost = Math.min(batch.batchSize(), Math.max(1, read.missingCount()));
            LossMarker marker = new LossMarker(
                    parsed.consumer(),
                    batch.streamArn(),
                    batch.shardId(),
                    batch.startSequenceNumber(),
                    batch.endSequenceNumber(),
                    batch.batchSize(),
                    lost,
                    read.status() + ": " + read.lossReason(),
                    parsed.messageId(),
                    parsed.delivery().body(),
                    clock.instant());
            markerKey = layout.lossMarkerKey(
                    parsed.consumer(), day, batch.shardId(), batch.startSequenceNumber(), batch.endSequenceNumber());
            writes.add(new ArchiveWrite(markerKey, LossMarkerCodec.encode(marker)));
        }
        String noticeKey = null;
        if (read.widerThanBatch()) {
            WideRangeNotice notice = new WideRangeNotice(
                    parsed.consumer(),
                    batch.streamArn(),
                    batch.shardId(),
                    batch.startSequenceNumber(),
                    batch.endSequenceNumber(),
                    batch.batchSize(),
                    read.recordsInRange(),
                    RecordArchiver.userRecords(read).size(),
                    parsed.messageId(),
                    clock.instant());
            noticeKey = notice.key(layout, day);
            writes.add(new ArchiveWrite(noticeKey, notice.toJson()));
        }
        return new MessageReport.Extras(markerKey, lost, noticeKey);
    }

    /** The stream's retention ({@code DescribeStreamSummary}, cached by the reader), or null when unknown. */
    private Long retentionSeconds(String streamArn) {
        try {
            return Duration.ofHours(reader.retentionHours(streamArn)).toSeconds();
        } catch (StreamReadException e) {
            return null; // the stream cannot be described (unknown, no permission): the read failure says why
        }
    }

    /** Retention minus the age of the message's oldest record: how long until the stream trims it. */
    private Long headroom(Long retentionSeconds, ParsedDelivery parsed) {
        return retentionSeconds == null
                ? null
                : retentionSeconds
                        - Duration.between(parsed.message().batch().approximateArrivalOfFirstRecord(), clock.instant())
                                .toSeconds();
    }
}
