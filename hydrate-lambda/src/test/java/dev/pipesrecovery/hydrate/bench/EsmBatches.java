package dev.pipesrecovery.hydrate.bench;

import dev.pipesrecovery.hydrate.DlqBodies;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The invocations the SQS event source mapping would make for a DLQ backlog: one Pipes DLQ message per dead-lettered
 * record (BatchSize 1), in the order the pipe wrote them (the shards' records interleaved by time) with SQS's
 * best-effort ordering modelled as each message displaced at random within {@link #DISORDER} positions, then cut into
 * batches of at most {@code batchSize} messages and 6 MB of event (Lambda's invocation payload limit).
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
 */
final class EsmBatches {

    static final int DISORDER = 1_000;
    static final int PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

    private EsmBatches() {}

    /** One invocation: its DLQ messages, and the records they name. */
    record Batch(List<SqsEvents.Message> messages, List<BenchStream.PutRecord> records) {}

    static List<Batch> of(
            BenchStream stream,
            List<BenchStream.PutRecord> deadLettered,
            String pipeName,
            String queueArn,
            int batchSize) {
        List<BenchStream.PutRecord> records = new ArrayList<>(deadLettered);
        Random random = new Random(7);
        for (int from = 0; from < records.size(); from += DISORDER) {
            Collections.shuffle(records.subList(from, Math.min(records.size(), from + DISORDER)), random);
        }
        List<Batch> batches = new ArrayList<>();
        Batch batch = new Batch(new ArrayList<>(), new ArrayList<>());
        long bytes = 0;
        for (BenchStream.PutRecord record : records) {
            DlqBodies.Batch one = new DlqBodies.Batch(
                    stream.streamArn(),
                    record.shardId(),
                    record.sequenceNumber(),
                    record.sequenceNumber(),
                    record.putAt(),
                    record.putAt(),
                    1);
            SqsEvents.Message message = SqsEvents.Message.of(DlqBodies.pipes(pipeName, one), queueArn);
            long size = SqsEvents.json(List.of(message)).getBytes(StandardCharsets.UTF_8).length;
            if (batch.messages().size() == batchSize || bytes + size > PAYLOAD_LIMIT_BYTES) {
                batches.add(batch);
                batch = new Batch(new ArrayList<>(), new ArrayList<>());
                bytes = 0;
            }
            batch.messages().add(message);
            batch.records().add(record);
            bytes += size;
        }
        if (!batch.messages().isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
