package dev.pipesrecovery.testkit;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/**
 * kinesis-local (kinesis-mock compiled to JavaScript, npm) as a {@code node} child process on free ports. It keeps
 * no state, so {@link #close()} kills it at once (SIGTERM takes ~10 s). Talk to it with {@code -Daws.cborEnabled=false}
 * when records can exceed ~10 KB (the build sets it for every test JVM).
 */
public final class KinesisLocal extends KinesisProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private KinesisLocal(ChildProcess process, URI endpoint) {
        super("kinesis-local", process, endpoint);
    }

    /** Starts kinesis-local and returns once a real {@code ListStreams} succeeds. */
    public static KinesisLocal start() {
        Path root = RepoRoot.find();
        Path module = root.resolve("node_modules").resolve("kinesis-local");
        if (!Files.isRegularFile(module.resolve("main.js"))) {
            throw new IllegalStateException("kinesis-local is not installed: run `npm ci` in " + root
                    + " (the Maven build does it in the testkit module)");
        }
        String node = NodeJs.require();
        int plainPort = FreePorts.next();
        int tlsPort = FreePorts.next();
        Map<String, String> env = Map.ofEntries(
                // defaults to server.json relative to the cwd; the TLS listener always starts
                Map.entry(
                        "KINESIS_MOCK_CERT_PATH", module.resolve("server.json").toString()),
                Map.entry("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plainPort)),
                Map.entry("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort)),
                // same account and region as the other emulators, whatever the caller's environment says
                Map.entry("AWS_ACCOUNT_ID", LocalAws.ACCOUNT_ID),
                Map.entry("AWS_REGION", LocalAws.REGION.id()),
                // state changes complete quickly (default 500 ms each)
                Map.entry("CREATE_STREAM_DURATION", "50ms"),
                Map.entry("DELETE_STREAM_DURATION", "50ms"),
                Map.entry("SPLIT_SHARD_DURATION", "50ms"),
                Map.entry("MERGE_SHARDS_DURATION", "50ms"),
                Map.entry("UPDATE_SHARD_COUNT_DURATION", "50ms"),
                Map.entry("LOG_LEVEL", "WARN"));
        ChildProcess process = ChildProcess.start(
                "kinesis-local",
                List.of(node, module.resolve("main.js").toString()),
                env,
                root,
                plainPort,
                START_TIMEOUT);
        return awaitListStreams(new KinesisLocal(process, URI.create("http://127.0.0.1:" + plainPort)), START_TIMEOUT);
    }

    /**
     * Creates a stream with {@code shards} shards and waits until it is ACTIVE, polling every 100 ms (the SDK
     * waiter's default is 10 s).
     *
     * @return the stream ARN
     */
    public static String createStream(KinesisClient kinesis, String name, int shards) {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        awaitActive(kinesis, name);
        return kinesis.describeStreamSummary(b -> b.streamName(name))
                .streamDescriptionSummary()
                .streamARN();
    }

    /** Waits (100 ms polls, up to 30 s) until the stream exists and is ACTIVE, e.g. after a reshard. */
    public static void awaitActive(KinesisClient kinesis, String name) {
        try (KinesisWaiter waiter = KinesisWaiter.builder()
                .client(kinesis)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100)))
                        .maxAttempts(300)
                        .build())
                .build()) {
            waiter.waitUntilStreamExists(b -> b.streamName(name))
                    .matched()
                    .exception()
                    .ifPresent(e -> {
                        throw new IllegalStateException("stream " + name + " did not become ACTIVE", e);
                    });
        }
    }
}
