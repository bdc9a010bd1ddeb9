package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.retry.Retrier;
import dev.pipesrecovery.retry.RetryListener;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.SpanListener;
import dev.pipesrecovery.stream.StreamRangeReader;
import dev.pipesrecovery.stream.StreamReadException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Re-reads the ranges of DLQ messages, one shard's together (a span): {@code GetShardIterator(AT_SEQUENCE_NUMBER)} at
 * the first range's start, then {@code GetRecords} onwards through consecutive ranges with a {@code Limit} sized by
 * {@link ReadAhead}, re-positioned at a later range's start where the gap is not worth reading — never from
 * TRIM_HORIZON or LATEST (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html). A range ends
 * at the first record past its end, however many records it holds. Calls are spaced per shard (the pipe reads the
 * same shard), throttling backs off with full jitter, and an expired iterator is renewed {@code AFTER_SEQUENCE_NUMBER}
 * the last record seen, so nothing is read twice or skipped. Thread-safe; {@link #counts()} counts every call.
 */
public final class KinesisRangeReader implements StreamRangeReader {

    private final KinesisClient kinesis;
    private final KinesisReaderSettings settings;
    private final KinesisCalls calls;
    private final KinesisCallCounts counts = new KinesisCallCounts();
    private final Map<String, Integer> retentionHours = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic clock ({@code System::nanoTime}) for the shard rate limit */
    public KinesisRangeReader(
            KinesisClient kinesis,
            KinesisReaderSettings settings,
            LongSupplier nanoTime,
            Sleeper sleeper,
            DoubleSupplier random) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calls = new KinesisCalls(
                kinesis,
                new ShardRateLimiter(settings.minInterval(), nanoTime, sleeper),
                new Retrier(settings.backoff(), sleeper, random, RetryListener.NONE),
                counts);
    }

    /** Default settings, the system's monotonic clock, real sleeps. */
    public static KinesisRangeReader create(KinesisClient kinesis) {
        return new KinesisRangeReader(
                kinesis,
                KinesisReaderSettings.defaults(),
                System::nanoTime,
                Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Every call this reader made, per shard. */
    public KinesisCallCounts counts() {
        return counts;
    }

    @Override
    public void readSpan(List<ShardRange> ranges, SpanListener listener) throws StreamReadException {
        if (ranges.isEmpty()) {
            return;
        }
        ShardRange first = ranges.get(0);
        for (ShardRange range : ranges) {
            if (!range.streamArn().equals(first.streamArn()) || !range.shardId().equals(first.shardId())) {
                throw new IllegalArgumentException("a span is one shard's ranges: " + range + " is not on "
                        + first.streamArn() + "/" + first.shardId());
            }
        }
        KinesisCalls.Shard shard =
                new KinesisCalls.Shard(first.streamArn(), streamName(first.streamArn()), first.shardId());
        SpanCollector span = new SpanCollector(ranges, listener);
        ReadAhead readAhead = new ReadAhead(settings.maxRecordsPerCall());
        while (!span.done() && listener.mayContinue()) {
            SequenceNumber start = span.nextOpenStart();
            String iterator;
            try {
                iterator = calls.shardIterator(shard, ShardIteratorType.AT_SEQUENCE_NUMBER, start);
            } catch (UnreadablePositionException gone) {
                // a refusal is evidence about this start only: the next range is asked for on its own
                span.refuseNextOpen(gone.getMessage());
                continue;
            }
            span.beginRun();
            readFrom(shard, start, iterator, span, readAhead, listener);
        }
    }

    /** Reads on from one position until the span is done, the shard ends, or re-positioning pays. */
    private void readFrom(
            KinesisCalls.Shard shard,
            SequenceNumber position,
            String firstIterator,
            SpanCollector span,
            ReadAhead readAhead,
            SpanListener listener)
            throws StreamReadException {
        String iterator = firstIterator;
        int renewals = 0;
        int emptyAtTip = 0;
        int emptyBehindTip = 0;
        while (!span.done() && listener.mayContinue()) {
            GetRecordsResponse page;
            try {
                page = calls.getRecords(shard, iterator, readAhead.limit(span));
            } catch (ExpiredIteratorException expired) {
                if (++renewals > settings.maxIteratorRenewals()) {
                    throw new StreamReadException(
                            "shard iterator expired " + renewals + " times reading " + shard.key(), expired);
                }
                try {
                    iterator = span.lastSeen() == null
                            ? calls.shardIterator(shard, ShardIteratorType.AT_SEQUENCE_NUMBER, position)
                            : calls.shardIterator(shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, span.lastSeen());
                } catch (UnreadablePositionException gone) {
                    span.breakRun("the shard was trimmed while reading: " + gone.getMessage());
                    return;
                }
                continue;
            }
            long keptBefore = span.seen().kept();
            span.accept(page.records());
            iterator = page.nextShardIterator();
            if (iterator == null) {
                span.finish("reached the end of the closed shard");
                return;
            }
            if (!page.records().isEmpty()) {
                emptyAtTip = 0;
                emptyBehindTip = 0;
            } else if (page.millisBehindLatest() == null || page.millisBehindLatest() == 0) {
                if (++emptyAtTip >= settings.emptyPagesAtTip()) {
                    span.finish("reached the tip of the open shard");
                    return;
                }
                continue;
            } else if (++emptyBehindTip > settings.maxEmptyPagesBehindTip()) {
                throw new StreamReadException(emptyBehindTip + " empty GetRecords pages in a row while "
                        + page.millisBehindLatest() + " ms behind the tip reading " + shard.key() + "; retry later");
            } else {
                continue;
            }
            if (readAhead.reposition(span, span.seen().kept() == keptBefore)) {
                return;
            }
        }
    }

    /**
     * The stream name of a Kinesis stream ARN in the client's region; anything else is a configuration error, reported
     * before any call.
     */
    private String streamName(String streamArn) throws StreamReadException {
        String[] parts = streamArn.split(":", 6);
        if (parts.length < 6
                || !parts[0].equals("arn")
                || !parts[2].equals("kinesis")
                || !parts[5].startsWith("stream/")) {
            throw new StreamReadException("not a Kinesis stream ARN: '" + streamArn + "'");
        }
        Region clientRegion = kinesis.serviceClientConfiguration().region();
        if (clientRegion != null && !clientRegion.id().equals(parts[3])) {
            throw new StreamReadException("stream " + streamArn + " is in " + parts[3] + " but the Kinesis client is "
                    + "configured for " + clientRegion.id() + ": set AWS_REGION (or --region) to the stream's region");
        }
        return parts[5].substring("stream/".length());
    }

    @Override
    public int retentionHours(String streamArn) throws StreamReadException {
        Integer cached = retentionHours.get(streamArn);
        if (cached != null) {
            return cached;
        }
        int hours = calls.describe(streamArn, streamName(streamArn)).retentionPeriodHours();
        retentionHours.put(streamArn, hours);
        return hours;
    }
}
