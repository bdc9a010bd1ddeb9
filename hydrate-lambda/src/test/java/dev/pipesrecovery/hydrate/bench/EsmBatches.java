package dev.pipesrecovery.hydrate.bench;

import dev.pipesrecovery.hydrate.DlqBodies;
import dev.pipesrecovery.hydrate.SqsEvents;
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

    private EsmBatches() {
    }

    static List<List<SqsEvents.Message>> of(BenchStream stream, List<BenchStream.PutRecord> deadLettered,
                                            String pipeName, String queueArn, int batchSize) {
        List<SqsEvents.Message> messages = new ArrayList<>(deadLettered.size());
        for (BenchStream.PutRecord record : deadLettered) {
            DlqBodies.Batch one = new DlqBodies.Batch(stream.streamArn(), record.shardId(), record.sequenceNumber(),
                    record.sequenceNumber(), record.putAt(), record.putAt(), 1);
            messages.add(SqsEvents.Message.of(DlqBodies.pipes(pipeName, one), queueArn));
        }
        Random random = new Random(7);
        for (int from = 0; from < messages.size(); from += DISORDER) {
            Collections.shuffle(messages.subList(from, Math.min(messages.size(), from + DISORDER)), random);
        }
        List<List<SqsEvents.Message>> batches = new ArrayList<>();
        List<SqsEvents.Message> batch = new ArrayList<>();
        long bytes = 0;
        for (SqsEvents.Message message : messages) {
            long size = SqsEvents.json(List.of(message)).getBytes(StandardCharsets.UTF_8).length;
            if (batch.size() == batchSize || bytes + size > PAYLOAD_LIMIT_BYTES) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(message);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
