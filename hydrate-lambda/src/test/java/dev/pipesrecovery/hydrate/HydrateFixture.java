package dev.pipesrecovery.hydrate;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.pipesrecovery.dlq.sqs.SqsQueueTags;
import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.KinesisLocal;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.SqsEvents;
import java.net.URI;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A one-shard stream in kinesalite and a bucket in S3Mock (the JVM-wide emulators from testkit), records put with
 * real PutRecords, and the handler wired exactly like production ({@link HydrateWiring}), except for the endpoints:
 * the fixture's DLQs ({@link #dlqOf}) are registered through {@code CONSUMER_BY_QUEUE_ARN} (QueueDrivenTest covers
 * the registration by queue tags).
 */
final class HydrateFixture {

    static final KinesisClient KINESIS = LocalAws.kinesis(Emulators.kinesalite());
    static final S3Client S3 = LocalAws.s3(Emulators.s3());
    static final SqsClient SQS = LocalAws.sqs(Emulators.sqs());
    static final String PREFIX = "archive";
    /** The consumers whose DLQ ({@link #dlqOf}) the fixture's configuration registers. */
    static final List<String> CONSUMERS = List.of("orders-api", "orders-consumer", "keys-consumer");

    final String streamName;
    final String streamArn;
    final String bucket;

    /** One record to put: its partition key and exact bytes. */
    record TestRecord(String partitionKey, byte[] data) {}

    /** A put record: where it landed. */
    record Put(TestRecord record, String shardId, String sequenceNumber) {}

    /** One handler invocation: its answer, its stdout and the Kinesis calls its reader made. */
    record Run(SQSBatchResponse response, CapturedOutput output, KinesisCallCounts.Count kinesisCalls) {

        List<String> failedMessageIds() {
            return response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .toList();
        }
    }

    /** The lowest and highest hash keys: records put with them land on the first and on the last shard. */
    static final String FIRST_SHARD = "0";

    static final String LAST_SHARD = "340282366920938463463374607431768211455";

    HydrateFixture(String name) {
        this(name, 1);
    }

    HydrateFixture(String name, int shards) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        streamName = name + "-" + suffix;
        streamArn = KinesisLocal.createStream(KINESIS, streamName, shards);
        bucket = name + "-" + suffix;
        S3.createBucket(b -> b.bucket(bucket));
    }

    List<Put> put(List<TestRecord> records) {
        return put(records, null);
    }

    /** @param explicitHashKey the shard to put on ({@link #FIRST_SHARD}, {@link #LAST_SHARD}), null: by partition key */
    List<Put> put(List<TestRecord> records, String explicitHashKey) {
        List<Put> puts = new ArrayList<>();
        List<TestRecord> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (TestRecord record : records) {
            // PutRecords takes at most 500 records and 5 MiB per request.
            if (chunk.size() == 500 || chunkBytes + record.data().length > 4 * 1024 * 1024) {
                puts.addAll(putChunk(chunk, explicitHashKey));
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(record);
            chunkBytes += record.data().length;
        }
        puts.addAll(putChunk(chunk, explicitHashKey));
        return puts;
    }

    private List<Put> putChunk(List<TestRecord> chunk, String explicitHashKey) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        List<PutRecordsResultEntry> results = KINESIS.putRecords(r -> r.streamName(streamName)
                        .records(chunk.stream()
                                .map(t -> PutRecordsRequestEntry.builder()
                                        .partitionKey(t.partitionKey())
                                        .explicitHashKey(explicitHashKey)
                                        .data(SdkBytes.fromByteArray(t.data()))
                                        .build())
                                .toList()))
                .records();
        List<Put> puts = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (results.get(i).errorCode() != null) {
                throw new IllegalStateException("PutRecords failed: " + results.get(i));
            }
            puts.add(new Put(
                    chunk.get(i), results.get(i).shardId(), results.get(i).sequenceNumber()));
        }
        return puts;
    }

    /** The DLQ batch a pipe would report for {@code puts} (which must be consecutive on one shard). */
    DlqBodies.Batch batchOf(List<Put> puts) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new DlqBodies.Batch(
                streamArn,
                puts.get(0).shardId(),
                puts.get(0).sequenceNumber(),
                puts.get(puts.size() - 1).sequenceNumber(),
                now.minusSeconds(5),
                now,
                puts.size());
    }

    HydrateConfig config(Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put(HydrateConfig.ARCHIVE_BUCKET, bucket);
        env.putIfAbsent(HydrateConfig.ARCHIVE_PREFIX, PREFIX);
        env.putIfAbsent(
                HydrateConfig.CONSUMER_BY_QUEUE_ARN,
                String.join(
                        ",",
                        CONSUMERS.stream()
                                .map(consumer -> dlqOf(consumer) + "=" + consumer)
                                .toList()));
        return HydrateConfig.fromEnv(env);
    }

    /**
     * The production wiring ({@link HydrateWiring}) with its clients pointed at these endpoints (the emulators, or
     * fault-injecting proxies in front of them); queues are registered by {@link #config} and by their tags on
     * ElasticMQ, as in production.
     */
    static HydrateWiring.Builder wiring(HydrateConfig config, URI kinesis, URI s3) {
        return HydrateWiring.builder(config)
                .endpoints(kinesis, s3, Emulators.sqs().endpoint());
    }

    /** The fixture's configuration, on the shared emulators. */
    HydrateWiring.Builder wiring() {
        return wiring(config(Map.of()));
    }

    /** A given configuration, on the shared emulators. */
    HydrateWiring.Builder wiring(HydrateConfig config) {
        return wiring(config, Emulators.kinesalite().endpoint(), Emulators.s3().endpoint());
    }

    Run run(List<SqsEvents.Message> messages) {
        return run(wiring(), messages);
    }

    /** One invocation through the handler; the endpoints may be fault-injecting proxies. */
    Run run(URI kinesis, URI s3, HydrateConfig config, List<SqsEvents.Message> messages) {
        return run(wiring(config, kinesis, s3), messages);
    }

    /** One invocation through the handler of a wiring built for it (and closed after it). */
    Run run(HydrateWiring.Builder wiring, List<SqsEvents.Message> messages) {
        CapturedOutput output = new CapturedOutput();
        try (HydrateWiring function = wiring.output(output.stream()).build()) {
            SQSBatchResponse response = new HydrateHandler(function.batch())
                    .handleRequest(SqsEvents.event(messages), TestContext.generous());
            return new Run(response, output, function.kinesisCalls().total());
        }
    }

    List<S3Object> objects(String prefix) {
        return S3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .toList();
    }

    byte[] object(String key) {
        return S3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    static String queueArn(String queueName) {
        return "arn:aws:sqs:us-east-1:" + LocalAws.ACCOUNT_ID + ":" + queueName;
    }

    /**
     * A real queue (ElasticMQ) registered to {@code consumer} and this fixture's stream the way a pipe stack registers
     * its DLQ: with tags. Returns its ARN.
     */
    String registeredQueue(String consumer) {
        String url = SQS.createQueue(r -> r.queueName(consumer + "-dlq-"
                                + UUID.randomUUID().toString().substring(0, 8))
                        .tags(Map.of(SqsQueueTags.CONSUMER_TAG, consumer, SqsQueueTags.STREAM_TAG, streamArn)))
                .queueUrl();
        return SQS.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** The DLQ of {@code consumer}, registered to it in {@link #config}. */
    static String dlqOf(String consumer) {
        return queueArn(consumer + "-dlq");
    }
}
