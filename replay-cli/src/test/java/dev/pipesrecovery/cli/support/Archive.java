package dev.pipesrecovery.cli.support;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.archive.LossMarkerCodec;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A fresh bucket on the JVM-wide S3Mock, filled the way the hydrate function fills it (same key layout, same
 * codec, conditional writes through the production S3 store).
 */
public final class Archive implements AutoCloseable {

    public static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/orders";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final BigInteger FIRST_SEQUENCE =
            new BigInteger("49656859871234567890123456789012345678901234567890");

    private final S3Client s3;
    private final S3ArchiveStore store;
    private final String bucket;
    private final KeyLayout layout = new KeyLayout("");
    private final AtomicLong sequence = new AtomicLong();

    private final String endpoint;

    /** A bucket on the JVM-wide S3Mock. */
    public Archive() {
        this(Emulators.s3());
    }

    /** A bucket on any S3 emulator (the benchmark can use moto_server, whose lookups do not grow with the bucket). */
    public Archive(dev.pipesrecovery.testkit.Emulator emulator) {
        endpoint = emulator.endpoint().toString();
        s3 = LocalAws.s3(emulator);
        bucket = "archive-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        store = S3ArchiveStore.create(s3, bucket);
    }

    public String bucket() {
        return bucket;
    }

    public String endpoint() {
        return endpoint;
    }

    public S3ArchiveStore store() {
        return store;
    }

    /** Archives a record and returns its key; sequence numbers increase with every call. */
    public String put(String consumer, String partitionKey, Instant arrival, byte[] data) {
        return put(consumer, partitionKey, arrival, "shardId-000000000001", "RetryAttemptsExhausted", data);
    }

    /** Archives a record of {@code shardId}, dead-lettered with {@code condition}. */
    public String put(
            String consumer, String partitionKey, Instant arrival, String shardId, String condition, byte[] data) {
        SequenceNumber seq = SequenceNumber.of(FIRST_SEQUENCE
                .add(BigInteger.valueOf(sequence.incrementAndGet()))
                .toString());
        ArchivedRecord record = new ArchivedRecord(
                ArchivedRecord.CURRENT_VERSION,
                consumer,
                STREAM_ARN,
                shardId,
                seq,
                null,
                partitionKey,
                arrival,
                data,
                failure(consumer, condition, arrival, seq));
        String key = layout.format(ArchiveKey.of(consumer, partitionKey, arrival, record.shardId(), seq, null));
        store.putIfAbsent(new ArchiveWrite(key, ArchivedRecordCodec.encode(record)));
        return key;
    }

    /**
     * Archives the user records of one KPL aggregate (one stream record, sub-sequence numbers 0..n-1), all with
     * {@code partitionKey}; with {@code olderKeys}, under the unpadded keys written before sub-sequence numbers were
     * padded ({@code -12.json}). Returns the keys in sub-sequence order.
     */
    public List<String> putAggregate(
            String consumer, String partitionKey, Instant arrival, List<String> data, boolean olderKeys) {
        SequenceNumber seq = SequenceNumber.of(FIRST_SEQUENCE
                .add(BigInteger.valueOf(sequence.incrementAndGet()))
                .toString());
        List<String> keys = new ArrayList<>();
        for (int sub = 0; sub < data.size(); sub++) {
            ArchivedRecord record = new ArchivedRecord(
                    ArchivedRecord.CURRENT_VERSION,
                    consumer,
                    STREAM_ARN,
                    "shardId-000000000001",
                    seq,
                    (long) sub,
                    partitionKey,
                    arrival,
                    data.get(sub).getBytes(StandardCharsets.UTF_8),
                    failure(consumer, "RetryAttemptsExhausted", arrival, seq));
            String key =
                    layout.format(ArchiveKey.of(consumer, partitionKey, arrival, record.shardId(), seq, (long) sub));
            if (olderKeys) {
                key = key.replaceFirst("-0*(\\d+)\\.json$", "-$1.json");
            }
            store.putIfAbsent(new ArchiveWrite(key, ArchivedRecordCodec.encode(record)));
            keys.add(key);
        }
        return keys;
    }

    private static ArchivedRecord.FailureInfo failure(
            String consumer, String condition, Instant arrival, SequenceNumber seq) {
        return new ArchivedRecord.FailureInfo(
                "arn:aws:pipes:us-east-1:123456789012:pipe/" + consumer,
                condition,
                "dlq-message-1",
                arrival.plusSeconds(60),
                new ArchivedRecord.BatchRef(seq, seq, 1),
                arrival.plusSeconds(61));
    }

    public String put(String consumer, String partitionKey, Instant arrival, String data) {
        return put(consumer, partitionKey, arrival, data.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes at a layout-valid key (e.g. a corrupt object). */
    public String putRaw(String consumer, String partitionKey, Instant arrival, byte[] body) {
        SequenceNumber seq = SequenceNumber.of(FIRST_SEQUENCE
                .add(BigInteger.valueOf(sequence.incrementAndGet()))
                .toString());
        String key = layout.format(ArchiveKey.of(consumer, partitionKey, arrival, "shardId-000000000001", seq, null));
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
        return key;
    }

    public String putLossMarker(String consumer, LocalDate date, String reason) {
        return putLossMarker(consumer, date, reason, "{\"KinesisBatchInfo\":{}}", 3);
    }

    /** A loss marker of {@code lost} records whose stored DLQ message body is {@code dlqBody}; each on its own range. */
    public String putLossMarker(String consumer, LocalDate date, String reason, String dlqBody, int lost) {
        BigInteger first = FIRST_SEQUENCE.add(BigInteger.valueOf(sequence.addAndGet(lost)));
        SequenceNumber start = SequenceNumber.of(first.toString());
        SequenceNumber end =
                SequenceNumber.of(first.add(BigInteger.valueOf(lost - 1L)).toString());
        LossMarker marker = new LossMarker(
                consumer,
                STREAM_ARN,
                "shardId-000000000002",
                start,
                end,
                lost,
                lost,
                reason,
                "dlq-message-lost",
                dlqBody,
                date.atStartOfDay(ZoneOffset.UTC).toInstant());
        String key = layout.lossMarkerKey(consumer, date, "shardId-000000000002", start, end);
        store.putIfAbsent(new ArchiveWrite(key, LossMarkerCodec.encode(marker)));
        return key;
    }

    public Map<String, String> tags(String key) {
        return store.tags(key);
    }

    public boolean exists(String key) {
        return store.get(key).isPresent();
    }

    @Override
    public void close() {
        store.close();
        s3.close();
    }
}
