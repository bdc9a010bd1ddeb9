package dev.pipesrecovery.hydrate.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.dlq.QueueRegistry;
import dev.pipesrecovery.hydrate.HydrateConfig;
import dev.pipesrecovery.hydrate.HydrateHandler;
import dev.pipesrecovery.hydrate.HydrateWiring;
import dev.pipesrecovery.hydrate.TestContext;
import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.KinesisLocal;
import dev.pipesrecovery.testkit.SqsEvents;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A backlog of one-record DLQ messages (a pipe at BatchSize 1) hydrated through the handler in the invocations the
 * event source mapping would make (batches of up to 10,000 messages and 6 MB), from kinesalite into an S3 emulator
 * (LocalS3 by default: throughput only, it does not enforce If-None-Match). Dense (every record dead-lettered) and
 * sparse (1 in 100). Prints records/s against the S3 emulator's raw parallel PUT ceiling measured in the same run,
 * the Kinesis calls per 1,000 archived records (the reader's own counters), and the modelled time of the Kinesis part
 * on AWS ({@link KinesisModel}); then the cold start through the runtime interface client. Not a test: run it with
 * the command in the module README (section "Benchmark").
 */
public final class HydrateBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 50_000);
    private static final int SPARSE_RECORDS = Integer.getInteger("bench.sparseRecords", 100_000);
    private static final int RECORD_BYTES = Integer.getInteger("bench.recordBytes", 1024);
    private static final int SHARDS = Integer.getInteger("bench.shards", 4);
    private static final int BATCH_SIZE = Integer.getInteger("bench.batchSize", 10_000);
    private static final int WRITE_PARALLELISM =
            Integer.getInteger("bench.writeParallelism", HydrateConfig.DEFAULT_WRITE_PARALLELISM);
    private static final int COLD_STARTS = Integer.getInteger("bench.coldStarts", 3);
    private static final String ARCHIVE = System.getProperty("bench.archive", "locals3");
    private static final String PIPE = "bench-pipe";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:bench-pipe-dlq";

    private HydrateBenchmark() {}

    public static void main(String[] args) {
        int exitCode = 1;
        try {
            run();
            exitCode = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.out.flush();
            // In-process S3 emulators keep non-daemon threads; exiting runs testkit's hook that stops the emulators.
            System.exit(exitCode);
        }
    }

    /** What one case measured; {@code ceiling} is null when none was measured alongside. */
    record Result(int archived, Duration elapsed, KinesisCallCounts counts, Duration ceiling) {

        double rate() {
            return archived / (elapsed.toNanos() / 1e9);
        }

        double ceilingRate() {
            return archived / (ceiling.toNanos() / 1e9);
        }

        double callsPerThousand() {
            return 1000.0 * counts.total().calls() / archived;
        }
    }

    private static void run() throws Exception {
        HydrateWiring.keepConnectionsAlive(WRITE_PARALLELISM);
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        URI kinesisEndpoint = Emulators.kinesalite().endpoint();
        URI s3Endpoint = Emulators.s3Backend(ARCHIVE).endpoint();
        try (KinesisClient kinesis = clients(kinesisEndpoint).kinesis();
                S3Client s3 = clients(s3Endpoint).s3()) {
            System.out.printf(
                    "Hydrate benchmark: %d cores; kinesalite, %d shards, %,d-byte records; archive on %s%s;"
                            + " handler with WRITE_PARALLELISM=%d, %d spans at a time, 5 reads/s per shard; event "
                            + "source mapping batches of <= %,d messages and 6 MB%n",
                    Runtime.getRuntime().availableProcessors(),
                    SHARDS,
                    RECORD_BYTES,
                    ARCHIVE,
                    ARCHIVE.equals("locals3") ? " (throughput only: LocalS3 does not enforce If-None-Match)" : "",
                    WRITE_PARALLELISM,
                    HydrateWiring.SPAN_CONCURRENCY,
                    BATCH_SIZE);
            BenchStream dense = stream(kinesis, "dense", MESSAGES);
            Endpoints endpoints = new Endpoints(kinesisEndpoint, s3Endpoint);
            hydrate(endpoints, s3, dense, dense.records().subList(0, Math.min(2_000, MESSAGES)), "warm-up", true);
            Result denseResult = hydrate(endpoints, s3, dense, dense.everyNth(1), "dense", true);
            BenchStream sparse = stream(kinesis, "sparse", SPARSE_RECORDS);
            Result sparseResult = hydrate(endpoints, s3, sparse, sparse.everyNth(100), "sparse", false);
            BenchReport.print(denseResult, sparseResult, dense, WRITE_PARALLELISM);
            ColdStart.measure(
                    COLD_STARTS, dense, bucket(s3, "cold-start"), kinesisEndpoint, s3Endpoint, QUEUE_ARN, PIPE);
        }
    }

    private static BenchStream stream(KinesisClient kinesis, String name, int records) {
        String streamName = "bench-" + name + "-" + System.currentTimeMillis();
        String streamArn = KinesisLocal.createStream(kinesis, streamName, SHARDS);
        long start = System.nanoTime();
        BenchStream stream = BenchStream.put(kinesis, streamName, streamArn, records, RECORD_BYTES);
        System.out.printf("  %s: put %,d records in %.1f s%n", name, records, (System.nanoTime() - start) / 1e9);
        return stream;
    }

    /** Where the emulators listen. */
    private record Endpoints(URI kinesis, URI s3) {}

    /**
     * The handler with the production wiring ({@link HydrateWiring}), driven through the invocations the mapping would make; with
     * {@code ceiling}, each invocation is preceded by the ceiling for its records — their objects written with raw
     * parallel conditional PutObject calls into a bucket of their own — so that both see the same machine load.
     */
    private static Result hydrate(
            Endpoints endpoints,
            S3Client s3,
            BenchStream stream,
            List<BenchStream.PutRecord> deadLettered,
            String name,
            boolean ceiling)
            throws Exception {
        List<EsmBatches.Batch> batches = EsmBatches.of(stream, deadLettered, PIPE, QUEUE_ARN, BATCH_SIZE);
        // the events are built beforehand: the Lambda runtime deserializes them before the handler's clock starts
        List<SQSEvent> invocations =
                batches.stream().map(b -> SqsEvents.event(b.messages())).toList();
        String ceilingBucket = ceiling ? bucket(s3, name + "-ceiling") : null;
        long ceilingNanos = 0;
        long handlerNanos = 0;
        HydrateConfig config = HydrateConfig.fromEnv(Map.of(
                HydrateConfig.ARCHIVE_BUCKET,
                bucket(s3, name),
                HydrateConfig.ARCHIVE_PREFIX,
                "archive",
                HydrateConfig.CONSUMER_BY_QUEUE_ARN,
                QUEUE_ARN + "=" + PIPE,
                HydrateConfig.WRITE_PARALLELISM,
                Integer.toString(WRITE_PARALLELISM),
                HydrateConfig.KINESIS_MAX_READS_PER_SECOND,
                "5"));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (HydrateWiring function = HydrateWiring.builder(config)
                .aws(settings())
                .endpoints(endpoints.kinesis(), endpoints.s3(), null)
                .registry(QueueRegistry.NONE)
                .output(quiet)
                .build()) {
            HydrateHandler handler = new HydrateHandler(function.batch());
            for (int i = 0; i < invocations.size(); i++) {
                if (ceiling) {
                    ceilingNanos += RawPutCeiling.put(
                                    s3,
                                    ceilingBucket,
                                    RawPutCeiling.writes(batches.get(i).records(), stream.streamArn(), "archive"),
                                    WRITE_PARALLELISM)
                            .toNanos();
                }
                long start = System.nanoTime();
                SQSBatchResponse response = handler.handleRequest(invocations.get(i), TestContext.withTimeout(900_000));
                handlerNanos += System.nanoTime() - start;
                if (!response.getBatchItemFailures().isEmpty()) {
                    throw new IllegalStateException(
                            name + ": " + response.getBatchItemFailures().size() + " messages failed");
                }
            }
            Duration elapsed = Duration.ofNanos(handlerNanos);
            long objects = s3.listObjectsV2Paginator(r -> r.bucket(config.archiveBucket())).contents().stream()
                    .count();
            if (objects != deadLettered.size()) {
                throw new IllegalStateException(
                        name + ": " + objects + " objects archived, expected " + deadLettered.size());
            }
            System.out.printf(
                    "  %s: %,d messages in %d invocations hydrated in %.1f s%n",
                    name, deadLettered.size(), invocations.size(), elapsed.toNanos() / 1e9);
            return new Result(
                    deadLettered.size(),
                    elapsed,
                    function.kinesisCalls(),
                    ceiling ? Duration.ofNanos(ceilingNanos) : null);
        }
    }

    /** The production factory and SDK attempts, with long timeouts for a busy machine. */
    private static AwsClientFactory clients(URI endpoint) {
        return new AwsClientFactory(settings().withSdkMaxAttempts(1).withEndpoint(endpoint));
    }

    private static AwsSettings settings() {
        return AwsSettings.defaults()
                .withRegion("us-east-1")
                .withTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(5));
    }

    private static String bucket(S3Client s3, String run) {
        String bucket = ("bench-" + run + "-" + System.nanoTime()).toLowerCase(java.util.Locale.ROOT);
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }
}
