package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.s3.S3ArchiveSettings;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.dlq.QueueRegistry;
import dev.pipesrecovery.dlq.sqs.SqsQueueTags;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import dev.pipesrecovery.stream.kinesis.KinesisRangeReader;
import dev.pipesrecovery.stream.kinesis.KinesisReaderSettings;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The hydrate function put together, in one place: {@link HydrateHandler}'s init phase, the tests, the sandbox and the
 * benchmark all build it here from a {@link HydrateConfig}, so a new setting is applied in this file only. SDK clients
 * come from the shared {@link AwsClientFactory} (standard credentials and region, {@code AWS_ENDPOINT_URL_*}, the
 * URL-connection HTTP client, API call timeouts): one SDK attempt for Kinesis and S3, because the reader and the store
 * retry each call with backoff themselves and attempts must not multiply; the SDK's standard retries for the two
 * registry lookups per queue, which read the registration each pipe stack puts on its DLQ (tags).
 */
public final class HydrateWiring implements AutoCloseable {

    /** Spans (one shard's messages each) hydrated at the same time; one shard's reads are rate-limited by the reader. */
    public static final int SPAN_CONCURRENCY = 4;
    /**
     * No read starts with less than this left, so that what a read returns (up to 10,000 records) is written before
     * the deadline; the answer goes out 2 s before it. The stacks keep the function timeout well above (recovery.yaml).
     */
    public static final HydrateBatch.Deadline DEADLINE =
            new HydrateBatch.Deadline(Duration.ofSeconds(20), Duration.ofSeconds(2));
    /** The JDK property that bounds the idle keep-alive connections per host of the URL-connection client. */
    static final String MAX_CONNECTIONS_PROPERTY = "http.maxConnections";

    private final KinesisRangeReader reader;
    private final S3ArchiveStore store;
    private final ExecutorService spans;
    private final HydrateBatch batch;
    private final List<SdkAutoCloseable> clients;

    private HydrateWiring(Builder builder) {
        HydrateConfig config = builder.config;
        keepConnectionsAlive(config.writeParallelism());
        List<SdkAutoCloseable> built = new ArrayList<>();
        AwsSettings oneAttempt = builder.aws.withSdkMaxAttempts(1);
        var kinesis = add(built, new AwsClientFactory(at(oneAttempt, builder.kinesisEndpoint)).kinesis());
        var s3 = add(built, new AwsClientFactory(at(oneAttempt, builder.s3Endpoint)).s3());
        QueueRegistry registry = builder.registry != null
                ? builder.registry
                : new SqsQueueTags(add(
                        built,
                        new AwsClientFactory(at(builder.aws, builder.sqsEndpoint))
                                .configure(SqsClient.builder())
                                .build()));
        DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        reader = new KinesisRangeReader(
                kinesis,
                builder.readerSettings.apply(
                        KinesisReaderSettings.defaults().withCallsPerSecondPerShard(config.kinesisMaxReadsPerSecond())),
                System::nanoTime,
                Sleeper.SYSTEM,
                random);
        store = new S3ArchiveStore(
                s3,
                config.archiveBucket(),
                S3ArchiveSettings.defaults().withParallelism(config.writeParallelism()),
                Sleeper.SYSTEM,
                random);
        Clock clock = Clock.systemUTC();
        HydrateLog log = new HydrateLog(builder.out, clock);
        Hydrator hydrator = new Hydrator(reader, store, new KeyLayout(config.archivePrefix()), clock, log);
        spans = spanExecutor(builder.spanConcurrency);
        batch = new HydrateBatch(
                hydrator,
                new ConsumerResolver(config.consumerByQueueArn(), registry),
                spans,
                builder.deadline,
                log,
                new InvocationMetrics(log, clock));
        clients = List.copyOf(built);
    }

    /** Production: the configuration from the function's environment, every client from the SDK's standard chain. */
    public static HydrateWiring fromEnvironment(Map<String, String> env) {
        return builder(HydrateConfig.fromEnv(env)).build();
    }

    public static Builder builder(HydrateConfig config) {
        return new Builder(config);
    }

    /** The orchestration {@link HydrateHandler} runs each invocation through. */
    public HydrateBatch batch() {
        return batch;
    }

    /** Every Kinesis call the function's reader made, per shard. */
    public KinesisCallCounts kinesisCalls() {
        return reader.counts();
    }

    /**
     * {@code HttpURLConnection} keeps at most {@code http.maxConnections} (default 5) idle connections per host; with
     * more concurrent writes than that, every extra request would open a new TLS connection. The JDK reads it once, on
     * the first connection of the JVM, so it is set before any client connects (the init phase) unless the operator
     * set it (e.g. in {@code JAVA_TOOL_OPTIONS}); a benchmark that connects first calls this itself.
     */
    public static void keepConnectionsAlive(int writeParallelism) {
        if (System.getProperty(MAX_CONNECTIONS_PROPERTY) == null) {
            System.setProperty(MAX_CONNECTIONS_PROPERTY, Integer.toString(writeParallelism + SPAN_CONCURRENCY));
        }
    }

    /** Stops the writer and span threads and closes the clients (tests, the sandbox, the benchmark). */
    @Override
    public void close() {
        store.close();
        spans.shutdownNow();
        clients.forEach(SdkAutoCloseable::close);
    }

    private static <T extends SdkAutoCloseable> T add(List<SdkAutoCloseable> clients, T client) {
        clients.add(client);
        return client;
    }

    private static AwsSettings at(AwsSettings settings, URI endpoint) {
        return endpoint == null ? settings : settings.withEndpoint(endpoint);
    }

    private static ExecutorService spanExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "hydrate-span-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** What may differ from production: where the clients connect, where the log goes, and timing. */
    public static final class Builder {

        private final HydrateConfig config;
        private AwsSettings aws = AwsSettings.defaults();
        private URI kinesisEndpoint;
        private URI s3Endpoint;
        private URI sqsEndpoint;
        private QueueRegistry registry;
        private PrintStream out = System.out;
        private HydrateBatch.Deadline deadline = DEADLINE;
        private int spanConcurrency = SPAN_CONCURRENCY;
        private UnaryOperator<KinesisReaderSettings> readerSettings = UnaryOperator.identity();

        private Builder(HydrateConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Region, profile and timeouts of every client (the SDK attempts are the wiring's). */
        public Builder aws(AwsSettings settings) {
            this.aws = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Where Kinesis, S3 and SQS are (an emulator, a fault-injecting proxy); null: the SDK's own resolution. */
        public Builder endpoints(URI kinesis, URI s3, URI sqs) {
            this.kinesisEndpoint = kinesis;
            this.s3Endpoint = s3;
            this.sqsEndpoint = sqs;
            return this;
        }

        /** Instead of the queues' tags (then no SQS client is built). */
        public Builder registry(QueueRegistry queueRegistry) {
            this.registry = queueRegistry;
            return this;
        }

        /** Where log lines and EMF metrics go (stdout in Lambda). */
        public Builder output(PrintStream stream) {
            this.out = Objects.requireNonNull(stream, "stream");
            return this;
        }

        public Builder deadline(HydrateBatch.Deadline value) {
            this.deadline = Objects.requireNonNull(value, "value");
            return this;
        }

        public Builder spanConcurrency(int spans) {
            if (spans < 1) {
                throw new IllegalArgumentException("spanConcurrency must be >= 1, was " + spans);
            }
            this.spanConcurrency = spans;
            return this;
        }

        /** Adjusts the reader's settings after the configuration's (e.g. smaller pages in a test). */
        public Builder readerSettings(UnaryOperator<KinesisReaderSettings> adjust) {
            this.readerSettings = Objects.requireNonNull(adjust, "adjust");
            return this;
        }

        public HydrateWiring build() {
            return new HydrateWiring(this);
        }
    }
}
