package dev.pipesrecovery.hydrate.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.hydrate.ConsumerResolver;
import dev.pipesrecovery.hydrate.DlqDelivery;
import dev.pipesrecovery.hydrate.HydrateBatch;
import dev.pipesrecovery.hydrate.HydrateConfig;
import dev.pipesrecovery.hydrate.HydrateHandler;
import dev.pipesrecovery.hydrate.HydrateLog;
import dev.pipesrecovery.hydrate.Hydrator;
import dev.pipesrecovery.hydrate.InvocationMetrics;
import dev.pipesrecovery.hydrate.MessageOutcome;
import dev.pipesrecovery.hydrate.SqsEvents;
import dev.pipesrecovery.hydrate.TestContext;
import dev.pipesrecovery.hydrate.aws.AwsCollaborators;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.KinesisLocal;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hydrates 10,000 records of 1 KiB from kinesis-local into S3Mock (or moto_server, {@code -Dbench.archive=moto})
 * through the handler, and in the same run measures the two references: the same records archived one write at a
 * time, and raw parallel PutObject calls (the ceiling this machine allows). Then the cold start through the runtime
 * interface client. Not a test: it prints figures. Run it with the command in the module README (section
 * "Benchmark").
 */
public final class HydrateBenchmark {

    private static final int RECORDS = Integer.getInteger("bench.records", 10_000);
    private static final int RECORD_BYTES = Integer.getInteger("bench.recordBytes", 1024);
    private static final int SHARDS = Integer.getInteger("bench.shards", 4);
    private static final int RECORDS_PER_MESSAGE = Integer.getInteger("bench.recordsPerMessage", 250);
    private static final int WRITE_PARALLELISM =
            Integer.getInteger("bench.writeParallelism", HydrateConfig.DEFAULT_WRITE_PARALLELISM);
    private static final int COLD_STARTS = Integer.getInteger("bench.coldStarts", 3);
    private static final String ARCHIVE = System.getProperty("bench.archive", "s3mock");
    private static final String PIPE = "bench-pipe";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:bench-pipe-dlq";

    private HydrateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int exitCode = 1;
        try {
            run();
            exitCode = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.out.flush();
            // The in-process S3Mock keeps non-daemon threads; exiting runs testkit's hook that stops the emulators.
            System.exit(exitCode);
        }
    }

    private static void run() throws Exception {
        // As the function's init phase does: keep a connection per concurrent call alive.
        AwsCollaborators.keepConnectionsAlive(WRITE_PARALLELISM + HydrateHandler.MESSAGE_CONCURRENCY);
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        URI kinesisEndpoint = Emulators.kinesis().endpoint();
        URI s3Endpoint = Emulators.s3Backend(ARCHIVE).endpoint();
        try (KinesisClient kinesis = clients(kinesisEndpoint).kinesis(); S3Client s3 = clients(s3Endpoint).s3()) {
            String stream = "bench-" + System.currentTimeMillis();
            String streamArn = KinesisLocal.createStream(kinesis, stream, SHARDS);
            BenchWorkload workload = BenchWorkload.create(kinesis, stream, streamArn, RECORDS, RECORD_BYTES,
                    RECORDS_PER_MESSAGE, PIPE, QUEUE_ARN);
            System.out.printf("Hydrate benchmark: %,d records x %,d bytes on %d shards; %d DLQ messages of <= %d "
                            + "records; %d invocations of <= %d messages; %d cores; archive on %s%n", RECORDS,
                    RECORD_BYTES, SHARDS, workload.messageCount(), RECORDS_PER_MESSAGE,
                    workload.invocations().size(), BenchWorkload.MESSAGES_PER_INVOCATION,
                    Runtime.getRuntime().availableProcessors(), ARCHIVE);

            // Each run writes into a bucket of its own: S3Mock's cost per write grows with the objects in the bucket.
            warmUp(kinesis, s3, bucket(s3, stream, "warm-up"), workload, streamArn);
            System.out.println("  warmed up; measuring the ceiling, the handler, then one write at a time ...");
            String ceilingBucket = bucket(s3, stream, "ceiling");
            Duration ceiling = RawPutCeiling.put(s3, ceilingBucket,
                    RawPutCeiling.writes(workload.records(), streamArn, "archive"), WRITE_PARALLELISM);
            System.out.printf("  ceiling done in %.1f s%n", seconds(ceiling));
            String handlerBucket = bucket(s3, stream, "handler");
            Duration handler = hydrate(kinesis, s3, handlerBucket, WRITE_PARALLELISM, workload, false);
            System.out.printf("  handler done in %.1f s%n", seconds(handler));
            String sequentialBucket = bucket(s3, stream, "one-at-a-time");
            Duration oneAtATime = hydrate(kinesis, s3, sequentialBucket, 1, workload, true);
            for (String bucket : List.of(ceilingBucket, handlerBucket, sequentialBucket)) {
                requireAll(s3, bucket);
            }

            double handlerRate = rate(handler);
            double sequentialRate = rate(oneAtATime);
            double ceilingRate = rate(ceiling);
            System.out.printf("  handler (WRITE_PARALLELISM=%d, %d messages at a time)  %8.0f records/s  (%.1f s)%n",
                    WRITE_PARALLELISM, HydrateHandler.MESSAGE_CONCURRENCY, handlerRate, seconds(handler));
            System.out.printf("  one write at a time (1 message at a time)           %8.0f records/s  (%.1f s)%n",
                    sequentialRate, seconds(oneAtATime));
            System.out.printf("  ceiling: raw parallel PutObject (%d threads)         %8.0f records/s  (%.1f s)%n",
                    WRITE_PARALLELISM, ceilingRate, seconds(ceiling));
            System.out.printf("  handler / one-at-a-time = %.1fx (bar >= 4x: %s)%n", handlerRate / sequentialRate,
                    handlerRate >= 4 * sequentialRate ? "met" : "NOT met");
            System.out.printf("  handler / ceiling       = %.0f%% (bar >= 70%%: %s)%n", 100 * handlerRate / ceilingRate,
                    handlerRate >= 0.7 * ceilingRate ? "met" : "NOT met");
            ColdStart.measure(COLD_STARTS, workload, streamArn, bucket(s3, stream, "cold-start"), kinesisEndpoint,
                    s3Endpoint);
        }
    }


    /**
     * The production factory and SDK attempts, with long timeouts: S3Mock queues concurrent writes behind one lock,
     * so on a busy machine a write can wait longer than the production 20 s attempt timeout.
     */
    private static AwsClientFactory clients(URI endpoint) {
        return new AwsClientFactory(AwsSettings.defaults().withSdkMaxAttempts(1).withRegion("us-east-1")
                .withEndpoint(endpoint).withTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(5)));
    }

    private static String bucket(S3Client s3, String stream, String run) {
        String bucket = stream + "-" + run;
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** JIT and connection pools warm on a slice of the workload, in a bucket of its own. */
    private static void warmUp(KinesisClient kinesis, S3Client s3, String bucket, BenchWorkload workload,
                               String streamArn) throws Exception {
        RawPutCeiling.put(s3, bucket, RawPutCeiling.writes(workload.records().subList(0, Math.min(500, RECORDS)),
                streamArn, "raw"), WRITE_PARALLELISM);
        BenchWorkload slice = new BenchWorkload(workload.records(),
                List.of(workload.invocations().get(0).subList(0, 2)));
        hydrate(kinesis, s3, bucket, WRITE_PARALLELISM, slice, false);
    }

    private static Duration hydrate(KinesisClient kinesis, S3Client s3, String bucket, int parallelism,
                                    BenchWorkload workload, boolean oneMessageAtATime) {
        String prefix = "archive";
        HydrateConfig config = HydrateConfig.fromEnv(Map.of(HydrateConfig.ARCHIVE_BUCKET, bucket,
                HydrateConfig.ARCHIVE_PREFIX, prefix, HydrateConfig.WRITE_PARALLELISM, Integer.toString(parallelism)));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (AwsCollaborators aws = AwsCollaborators.of(config, kinesis, s3)) {
            HydrateHandler handler = new HydrateHandler(aws.reader(), aws.store(), config, Clock.systemUTC(), quiet,
                    HydrateHandler.DEADLINE);
            ExecutorService single = Executors.newSingleThreadExecutor();
            HydrateLog log = new HydrateLog(quiet, Clock.systemUTC());
            HydrateBatch sequential = new HydrateBatch(new Hydrator(aws.reader(), aws.store(),
                    new KeyLayout(prefix), Clock.systemUTC(), log), new ConsumerResolver(Map.of()), single,
                    HydrateHandler.DEADLINE, log, new InvocationMetrics(log, Clock.systemUTC()));
            long start = System.nanoTime();
            for (List<SqsEvents.Message> invocation : workload.invocations()) {
                if (oneMessageAtATime) {
                    List<MessageOutcome> outcomes = sequential.process(invocation.stream()
                            .map(m -> new DlqDelivery(m.messageId(), m.queueArn(), m.body())).toList(), () -> 900_000);
                    require(outcomes.stream().noneMatch(MessageOutcome::retry), "one-at-a-time run into " + bucket);
                } else {
                    SQSBatchResponse response = handler.handleRequest(SqsEvents.event(invocation),
                            TestContext.withTimeout(900_000));
                    require(response.getBatchItemFailures().isEmpty(), "handler run into " + bucket);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            single.shutdownNow();
            return elapsed;
        }
    }

    private static void requireAll(S3Client s3, String bucket) {
        long objects = s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream().count();
        require(objects == RECORDS, bucket + " holds " + objects + " objects, expected " + RECORDS);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark run failed: " + what);
        }
    }

    private static double rate(Duration elapsed) {
        return RECORDS / seconds(elapsed);
    }

    private static double seconds(Duration elapsed) {
        return elapsed.toNanos() / 1e9;
    }
}
