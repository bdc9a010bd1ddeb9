package dev.pipesrecovery.hydrate;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.pipesrecovery.hydrate.aws.AwsCollaborators;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.KinesisLocal;
import dev.pipesrecovery.testkit.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A one-shard stream in kinesis-local and a bucket in S3Mock (the JVM-wide emulators from testkit), records put with
 * real PutRecords, and the handler wired to the real adapters exactly like production, except for the endpoints.
 */
final class HydrateFixture {

    static final KinesisClient KINESIS = LocalAws.kinesis(Emulators.kinesis());
    static final S3Client S3 = LocalAws.s3(Emulators.s3());
    static final String PREFIX = "archive";

    final String streamName;
    final String streamArn;
    final String bucket;

    /** One record to put: its partition key and exact bytes. */
    record TestRecord(String partitionKey, byte[] data) {
    }

    /** A put record: where it landed. */
    record Put(TestRecord record, String shardId, String sequenceNumber) {
    }

    /** One handler invocation: its answer and its stdout. */
    record Run(SQSBatchResponse response, CapturedOutput output) {

        List<String> failedMessageIds() {
            return response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        }
    }

    HydrateFixture(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        streamName = name + "-" + suffix;
        streamArn = KinesisLocal.createStream(KINESIS, streamName, 1);
        bucket = name + "-" + suffix;
        S3.createBucket(b -> b.bucket(bucket));
    }

    List<Put> put(List<TestRecord> records) {
        List<Put> puts = new ArrayList<>();
        List<TestRecord> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (TestRecord record : records) {
            // PutRecords takes at most 500 records and 5 MiB per request.
            if (chunk.size() == 500 || chunkBytes + record.data().length > 4 * 1024 * 1024) {
                puts.addAll(putChunk(chunk));
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(record);
            chunkBytes += record.data().length;
        }
        puts.addAll(putChunk(chunk));
        return puts;
    }

    private List<Put> putChunk(List<TestRecord> chunk) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        List<PutRecordsResultEntry> results = KINESIS.putRecords(r -> r.streamName(streamName).records(chunk.stream()
                .map(t -> PutRecordsRequestEntry.builder().partitionKey(t.partitionKey())
                        .data(SdkBytes.fromByteArray(t.data())).build())
                .toList())).records();
        List<Put> puts = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (results.get(i).errorCode() != null) {
                throw new IllegalStateException("PutRecords failed: " + results.get(i));
            }
            puts.add(new Put(chunk.get(i), results.get(i).shardId(), results.get(i).sequenceNumber()));
        }
        return puts;
    }

    /** The DLQ batch a pipe would report for {@code puts} (which must be consecutive on one shard). */
    DlqBodies.Batch batchOf(List<Put> puts) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new DlqBodies.Batch(streamArn, puts.get(0).shardId(), puts.get(0).sequenceNumber(),
                puts.get(puts.size() - 1).sequenceNumber(), now.minusSeconds(5), now, puts.size());
    }

    HydrateConfig config(Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put(HydrateConfig.ARCHIVE_BUCKET, bucket);
        env.putIfAbsent(HydrateConfig.ARCHIVE_PREFIX, PREFIX);
        return HydrateConfig.fromEnv(env);
    }

    /** The production orchestration over the real adapters (close the store when done). */
    HydrateHandler handler(AwsCollaborators aws, CapturedOutput output) {
        return new HydrateHandler(aws.reader(), aws.store(), aws.config(), Clock.systemUTC(), output.stream(),
                HydrateHandler.DEADLINE);
    }

    Run run(List<SqsEvents.Message> messages) {
        return run(KINESIS, S3, config(Map.of()), messages);
    }

    /** One invocation through the handler; the clients may point at fault-injecting proxies. */
    Run run(KinesisClient kinesis, S3Client s3, HydrateConfig config, List<SqsEvents.Message> messages) {
        try (AwsCollaborators aws = AwsCollaborators.of(config, kinesis, s3)) {
            return run(aws, messages);
        }
    }

    Run run(AwsCollaborators aws, List<SqsEvents.Message> messages) {
        CapturedOutput output = new CapturedOutput();
        SQSBatchResponse response = handler(aws, output).handleRequest(SqsEvents.event(messages), TestContext.generous());
        return new Run(response, output);
    }

    List<S3Object> objects(String prefix) {
        return S3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream().toList();
    }

    byte[] object(String key) {
        return S3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    static String queueArn(String queueName) {
        return "arn:aws:sqs:us-east-1:" + LocalAws.ACCOUNT_ID + ":" + queueName;
    }
}
