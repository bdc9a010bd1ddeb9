package dev.pipesrecovery.hydrate.aws;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.s3.S3ArchiveSettings;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.hydrate.HydrateConfig;
import dev.pipesrecovery.hydrate.HydrateHandler;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.stream.StreamRangeReader;
import dev.pipesrecovery.stream.kinesis.KinesisRangeReader;
import dev.pipesrecovery.stream.kinesis.KinesisReaderSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The production collaborators of {@link HydrateHandler}, built once in the Lambda init phase from the function's
 * environment: SDK clients from the shared {@link AwsClientFactory} (standard credentials, region and
 * {@code AWS_ENDPOINT_URL_*} resolution, URL-connection HTTP client, API call timeouts).
 */
public record AwsCollaborators(HydrateConfig config, StreamRangeReader reader, ArchiveStore store)
        implements AutoCloseable {

    /** The JDK property that bounds the idle keep-alive connections per host of the URL-connection client. */
    static final String MAX_CONNECTIONS_PROPERTY = "http.maxConnections";

    public AwsCollaborators {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(store, "store");
    }

    public static AwsCollaborators fromEnvironment(Map<String, String> env) {
        HydrateConfig config = HydrateConfig.fromEnv(env);
        keepConnectionsAlive(config.writeParallelism() + HydrateHandler.MESSAGE_CONCURRENCY);
        // The reader and the store retry each call with backoff themselves: one SDK attempt per domain attempt,
        // so attempts do not multiply.
        AwsClientFactory clients = new AwsClientFactory(AwsSettings.defaults().withSdkMaxAttempts(1));
        return of(config, clients.kinesis(), clients.s3());
    }

    /** The reader and the store over given clients, tuned from {@code config} (production, tests, benchmark). */
    public static AwsCollaborators of(HydrateConfig config, KinesisClient kinesis, S3Client s3) {
        StreamRangeReader reader = new KinesisRangeReader(kinesis,
                KinesisReaderSettings.defaults().withCallsPerSecondPerShard(config.kinesisMaxReadsPerSecond()),
                Clock.systemUTC(), Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
        ArchiveStore store = new S3ArchiveStore(s3, config.archiveBucket(),
                S3ArchiveSettings.defaults().withParallelism(config.writeParallelism()), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
        return new AwsCollaborators(config, reader, store);
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
