package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.retry.Retrier;
import dev.pipesrecovery.retry.RetryListener;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamRangeReader;
import dev.pipesrecovery.stream.StreamReadException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Re-reads a DLQ message's range from its shard: {@code GetShardIterator(AT_SEQUENCE_NUMBER, start)}, then
 * {@code GetRecords} until a record past {@code end}, {@code batchSize} records, the end of a closed shard (null
 * {@code NextShardIterator}) or a few empty pages at the tip — never from TRIM_HORIZON or LATEST
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html). Calls are spaced per shard (the
 * pipe reads the same shard), throttling backs off with full jitter, and an expired iterator is renewed
 * {@code AFTER_SEQUENCE_NUMBER} the last record seen, so nothing is read twice or skipped. Thread-safe.
 */
public final class KinesisRangeReader implements StreamRangeReader {

    private final KinesisClient kinesis;
    private final KinesisReaderSettings settings;
    private final KinesisCalls calls;
    private final Map<String, Integer> retentionHours = new ConcurrentHashMap<>();

    public KinesisRangeReader(KinesisClient kinesis, KinesisReaderSettings settings, Clock clock, Sleeper sleeper,
                              DoubleSupplier random) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calls = new KinesisCalls(kinesis,
                new ShardRateLimiter(settings.minInterval(), clock, sleeper),
                new Retrier(settings.backoff(), sleeper, random, RetryListener.NONE));
    }

    /** Default settings, the system clock, real sleeps. */
    public static KinesisRangeReader create(KinesisClient kinesis) {
        return new KinesisRangeReader(kinesis, KinesisReaderSettings.defaults(), Clock.systemUTC(), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public RangeRead read(ShardRange range) throws StreamReadException {
        requireClientRegion(range.streamArn());
        RangeCollector collector = new RangeCollector(range);
        String iterator;
        try {
            iterator = calls.shardIterator(range, ShardIteratorType.AT_SEQUENCE_NUMBER, range.start());
        } catch (UnreadablePositionException gone) {
            return new RangeRead(range, List.of(), RangeStatus.GONE, gone.getMessage());
        }
        int renewals = 0;
        int emptyAtTip = 0;
        int emptyBehindTip = 0;
        while (iterator != null && !collector.done()) {
            GetRecordsResponse page;
            try {
                page = calls.getRecords(range, iterator, Math.min(settings.maxRecordsPerCall(), collector.remaining()));
            } catch (ExpiredIteratorException expired) {
                if (++renewals > settings.maxIteratorRenewals()) {
                    throw new StreamReadException("shard iterator expired " + renewals + " times reading " + range, expired);
                }
                try {
                    iterator = renew(range, collector);
                } catch (UnreadablePositionException gone) {
                    return collector.result("the shard was trimmed while reading: " + gone.getMessage());
                }
                continue;
            }
            collector.accept(page.records());
            iterator = page.nextShardIterator();
            if (!page.records().isEmpty()) {
                emptyAtTip = 0;
                emptyBehindTip = 0;
            } else if (page.millisBehindLatest() == null || page.millisBehindLatest() == 0) {
                if (++emptyAtTip >= settings.emptyPagesAtTip()) {
                    return collector.result("reached the tip of the open shard");
                }
            } else if (++emptyBehindTip > settings.maxEmptyPagesBehindTip()) {
                throw new StreamReadException(emptyBehindTip + " empty GetRecords pages in a row while "
                        + page.millisBehindLatest() + " ms behind the tip reading " + range + "; retry later");
            }
        }
        return collector.result("reached the end of the closed shard");
    }

    /** After an expired iterator: continue right after the last record seen, or at the start if none yet. */
    private String renew(ShardRange range, RangeCollector collector)
            throws StreamReadException, UnreadablePositionException {
        return collector.lastSeen() == null
                ? calls.shardIterator(range, ShardIteratorType.AT_SEQUENCE_NUMBER, range.start())
                : calls.shardIterator(range, ShardIteratorType.AFTER_SEQUENCE_NUMBER, collector.lastSeen());
    }

    /** A stream in another region than the client's is a configuration error, reported before any call. */
    private void requireClientRegion(String streamArn) throws StreamReadException {
        String[] parts = streamArn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("kinesis") || !parts[5].startsWith("stream/")) {
            throw new StreamReadException("not a Kinesis stream ARN: '" + streamArn + "'");
        }
        Region clientRegion = kinesis.serviceClientConfiguration().region();
        if (clientRegion != null && !clientRegion.id().equals(parts[3])) {
            throw new StreamReadException("stream " + streamArn + " is in " + parts[3] + " but the Kinesis client is "
                    + "configured for " + clientRegion.id() + ": set AWS_REGION (or --region) to the stream's region");
        }
    }

    @Override
    public int retentionHours(String streamArn) throws StreamReadException {
        Integer cached = retentionHours.get(streamArn);
        if (cached != null) {
            return cached;
        }
        requireClientRegion(streamArn);
        int hours = calls.describe(streamArn).retentionPeriodHours();
        retentionHours.put(streamArn, hours);
        return hours;
    }
}
