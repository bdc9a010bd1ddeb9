package dev.pipesrecovery.hydrate.aws;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.s3.S3ArchiveSettings;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.dlq.QueueRegistry;
import dev.pipesrecovery.dlq.sqs.SqsQueueTags;
import dev.pipesrecovery.hydrate.HydrateConfig;
import dev.pipesrecovery.hydrate.HydrateHandler;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.stream.kinesis.KinesisRangeReader;
import dev.pipesrecovery.stream.kinesis.KinesisReaderSettings;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The production collaborators of {@link HydrateHandler}, built once in the Lambda init phase from the function's
 * environment: SDK clients from the shared {@link AwsClientFactory} (standard credentials, region and
 * {@code AWS_ENDPOINT_URL_*} resolution, URL-connection HTTP client, API call timeouts); the queue registry reads the
 * registration tags each pipe stack puts on its DLQ.
 */
public record AwsCollaborators(HydrateConfig config, KinesisRangeReader reader, ArchiveStore store,
                               QueueRegistry registry) implements AutoCloseable {

    /** The JDK property that bounds the idle keep-alive connections per host of the URL-connection client. */
    static final String MAX_CONNECTIONS_PROPERTY = "http.maxConnections";

    public AwsCollaborators {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(registry, "registry");
    }

    public static AwsCollaborators fromEnvironment(Map<String, String> env) {
        HydrateConfig config = HydrateConfig.fromEnv(env);
        keepConnectionsAlive(config.writeParallelism() + HydrateHandler.SPAN_CONCURRENCY);
        // The reader and the store retry each call with backoff themselves: one SDK attempt per domain attempt,
        // so attempts do not multiply. The registry's two lookups per queue keep the SDK's standard retries.
        AwsClientFactory clients = new AwsClientFactory(AwsSettings.defaults().withSdkMaxAttempts(1));
        SqsClient sqs = AwsClientFactory.standard().configure(SqsClient.builder()).build();
        return of(config, clients.kinesis(), clients.s3(), new SqsQueueTags(sqs));
    }

    /** The reader and the store over given clients, tuned from {@code config} (production, tests, benchmark). */
    public static AwsCollaborators of(HydrateConfig config, KinesisClient kinesis, S3Client s3, QueueRegistry registry) {
        KinesisRangeReader reader = new KinesisRangeReader(kinesis,
                KinesisReaderSettings.defaults().withCallsPerSecondPerShard(config.kinesisMaxReadsPerSecond()),
                System::nanoTime, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
        ArchiveStore store = new S3ArchiveStore(s3, config.archiveBucket(),
                S3ArchiveSettings.defaults().withParallelism(config.writeParallelism()), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
        return new AwsCollaborators(config, reader, store, registry);
    }

    /**
     * {@code HttpURLConnection} keeps at most {@code http.maxConnections} (default 5) idle connections per host; with
     * more concurrent writes than that, every extra request would open a new TLS connection. Read once, on the first
     * connection, so it is set here in the init phase unless the operator set it (e.g. in {@code JAVA_TOOL_OPTIONS}).
     */
    public static void keepConnectionsAlive(int connections) {
        if (System.getProperty(MAX_CONNECTIONS_PROPERTY) == null) {
            System.setProperty(MAX_CONNECTIONS_PROPERTY, Integer.toString(connections));
        }
    }

    /** Stops the store's writer threads (tests and the benchmark; the Lambda runs until its environment ends). */
    @Override
    public void close() {
        if (store instanceof S3ArchiveStore s3Store) {
            s3Store.close();
        }
    }
}
