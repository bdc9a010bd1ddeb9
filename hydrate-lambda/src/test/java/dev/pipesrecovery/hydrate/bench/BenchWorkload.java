package dev.pipesrecovery.hydrate.bench;

import dev.pipesrecovery.hydrate.DlqBodies;
import dev.pipesrecovery.hydrate.SqsEvents;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * The benchmark's input: records put into a stream with real PutRecords, and the DLQ messages a pipe would have
 * written for them (consecutive records of one shard per message), grouped into SQS batches of 10 per invocation.
 */
record BenchWorkload(List<PutRecord> records, List<List<SqsEvents.Message>> invocations) {

    /** One record as put: where it landed and its bytes. */
    record PutRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant putAt) {
    }

    static final int MESSAGES_PER_INVOCATION = 10;

    static BenchWorkload create(KinesisClient kinesis, String streamName, String streamArn, int count, int size,
                                int recordsPerMessage, String pipeName, String queueArn) {
        Random random = new Random(42);
        List<PutRecord> records = new ArrayList<>();
        for (int first = 0; first < count; first += 500) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + 500); i++) {
                byte[] data = new byte[size];
                random.nextBytes(data);
                entries.add(PutRecordsRequestEntry.builder().partitionKey("customer-" + random.nextInt(1000))
                        .data(SdkBytes.fromByteArray(data)).build());
            }
            List<PutRecordsResultEntry> results = kinesis.putRecords(r -> r.streamName(streamName).records(entries))
                    .records();
            Instant putAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < entries.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    throw new IllegalStateException("PutRecords failed: " + results.get(i));
                }
                records.add(new PutRecord(results.get(i).shardId(), results.get(i).sequenceNumber(),
                        entries.get(i).partitionKey(), entries.get(i).data().asByteArray(), putAt));
            }
        }
        return new BenchWorkload(records, invocations(records, streamArn, recordsPerMessage, pipeName, queueArn));
    }

    private static List<List<SqsEvents.Message>> invocations(List<PutRecord> records, String streamArn,
                                                             int recordsPerMessage, String pipeName, String queueArn) {
        Map<String, List<PutRecord>> byShard = new TreeMap<>();
        records.forEach(r -> byShard.computeIfAbsent(r.shardId(), s -> new ArrayList<>()).add(r));
        List<SqsEvents.Message> messages = new ArrayList<>();
        for (List<PutRecord> shard : byShard.values()) {
            shard.sort(Comparator.comparing(r -> new BigInteger(r.sequenceNumber())));
            for (int first = 0; first < shard.size(); first += recordsPerMessage) {
                List<PutRecord> range = shard.subList(first, Math.min(shard.size(), first + recordsPerMessage));
                PutRecord start = range.get(0);
                PutRecord end = range.get(range.size() - 1);
                DlqBodies.Batch batch = new DlqBodies.Batch(streamArn, start.shardId(), start.sequenceNumber(),
                        end.sequenceNumber(), start.putAt(), end.putAt(), range.size());
                messages.add(SqsEvents.Message.of(DlqBodies.pipes(pipeName, batch), queueArn));
            }
        }
        // Interleave shards the way a DLQ fills during an outage, then cut into SQS batches.
        Collections.shuffle(messages, new Random(7));
        List<List<SqsEvents.Message>> invocations = new ArrayList<>();
        for (int first = 0; first < messages.size(); first += MESSAGES_PER_INVOCATION) {
            invocations.add(messages.subList(first, Math.min(messages.size(), first + MESSAGES_PER_INVOCATION)));
        }
        return invocations;
    }

    int messageCount() {
        return invocations.stream().mapToInt(List::size).sum();
    }
}
