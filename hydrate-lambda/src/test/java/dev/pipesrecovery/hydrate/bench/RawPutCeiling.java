package dev.pipesrecovery.hydrate.bench;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ceiling: the same objects (same envelope bodies and key shapes) written with plain parallel conditional
 * {@code PutObject} calls and nothing else — no Kinesis reads, no parsing, no encoding on the clock.
 */
final class RawPutCeiling {

    private RawPutCeiling() {}

    static List<ArchiveWrite> writes(List<BenchStream.PutRecord> records, String streamArn, String prefix) {
        KeyLayout layout = new KeyLayout(prefix);
        Instant now = Instant.now();
        List<ArchiveWrite> writes = new ArrayList<>();
        for (BenchStream.PutRecord record : records) {
            SequenceNumber sequence = SequenceNumber.of(record.sequenceNumber());
            ArchivedRecord envelope = new ArchivedRecord(
                    ArchivedRecord.CURRENT_VERSION,
                    "bench-pipe",
                    streamArn,
                    record.shardId(),
                    sequence,
                    null,
                    record.partitionKey(),
                    record.putAt(),
                    record.data(),
                    new ArchivedRecord.FailureInfo(
                            "arn:aws:pipes:us-east-1:123456789012:pipe/bench-pipe",
                            "RetryAttemptsExhausted",
                            "bench",
                            now,
                            new ArchivedRecord.BatchRef(sequence, sequence, 1, 1),
                            now));
            String key = layout.format(ArchiveKey.of(
                    "bench-pipe", record.partitionKey(), record.putAt(), record.shardId(), sequence, null));
            writes.add(new ArchiveWrite(key, ArchivedRecordCodec.encode(envelope)));
        }
        return writes;
    }

    /** Writes everything with {@code threads} concurrent calls; returns the wall-clock time. */
    static Duration put(S3Client s3, String bucket, List<ArchiveWrite> writes, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (ArchiveWrite write : writes) {
                futures.add(pool.submit(() -> s3.putObject(
                        r -> r.bucket(bucket)
                                .key(write.key())
                                .contentType("application/json")
                                .ifNoneMatch("*"),
                        RequestBody.fromBytes(write.body()))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }
}
