package dev.pipesrecovery.hydrate.bench;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** Records put into a stream with real PutRecords (random bytes, 1,000 partition keys), in the order they landed. */
record BenchStream(String streamArn, List<PutRecord> records) {

    /** One record as put: where it landed and its bytes. */
    record PutRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant putAt) {}

    static BenchStream put(KinesisClient kinesis, String streamName, String streamArn, int count, int size) {
        Random random = new Random(42);
        List<PutRecord> records = new ArrayList<>(count);
        for (int first = 0; first < count; first += 500) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + 500); i++) {
                byte[] data = new byte[size];
                random.nextBytes(data);
                entries.add(PutRecordsRequestEntry.builder()
                        .partitionKey("customer-" + random.nextInt(1000))
                        .data(SdkBytes.fromByteArray(data))
                        .build());
            }
            List<PutRecordsResultEntry> results = kinesis.putRecords(
                            r -> r.streamName(streamName).records(entries))
                    .records();
            Instant putAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < entries.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    throw new IllegalStateException("PutRecords failed: " + results.get(i));
                }
                records.add(new PutRecord(
                        results.get(i).shardId(),
                        results.get(i).sequenceNumber(),
                        entries.get(i).partitionKey(),
                        entries.get(i).data().asByteArray(),
                        putAt));
            }
        }
        return new BenchStream(streamArn, records);
    }

    /** Every {@code step}-th record of each shard (1: every record), in put order. */
    List<PutRecord> everyNth(int step) {
        List<PutRecord> chosen = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (PutRecord record : records.stream()
                .sorted(Comparator.comparing(PutRecord::putAt).thenComparing(r -> new BigInteger(r.sequenceNumber())))
                .toList()) {
            if (seen.merge(record.shardId(), 1, Integer::sum) % step == 1 % step) {
                chosen.add(record);
            }
        }
        return chosen;
    }
}
