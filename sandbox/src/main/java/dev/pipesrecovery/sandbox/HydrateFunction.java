package dev.pipesrecovery.sandbox;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.hydrate.HydrateBatch;
import dev.pipesrecovery.hydrate.HydrateConfig;
import dev.pipesrecovery.hydrate.HydrateHandler;
import dev.pipesrecovery.hydrate.HydrateWiring;
import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real hydrate function ({@link HydrateHandler} over the production wiring, {@link HydrateWiring}), configured
 * through the same environment variables CloudFormation sets and pointed at the emulators; only the deadline is
 * shorter, for a rehearsal's short function timeout.
 */
public final class HydrateFunction implements AutoCloseable {

    /** Messages must not start with less time left than this in a rehearsal's (short) function timeout. */
    public static final HydrateBatch.Deadline REHEARSAL_DEADLINE =
            new HydrateBatch.Deadline(Duration.ofSeconds(3), Duration.ofMillis(500));

    private final HydrateWiring wiring;
    private final HydrateHandler handler;

    private HydrateFunction(HydrateWiring wiring) {
        this.wiring = wiring;
        this.handler = new HydrateHandler(wiring.batch());
    }

    /**
     * @param kinesisEndpoint where the function reads the stream (the emulator, or a fault-injecting proxy)
     * @param s3Endpoint      where it writes the archive
     * @param sqsEndpoint     where it reads its DLQs' registration (their tags)
     * @param log             where its log lines and EMF metrics go (stdout in Lambda)
     */
    public static HydrateFunction create(
            URI kinesisEndpoint,
            URI s3Endpoint,
            URI sqsEndpoint,
            RecoveryTopology topology,
            int kinesisReadsPerSecond,
            int writeParallelism,
            PrintStream log) {
        Map<String, String> env = new HashMap<>();
        env.put(HydrateConfig.ARCHIVE_BUCKET, topology.bucket());
        env.put(HydrateConfig.ARCHIVE_PREFIX, topology.archivePrefix());
        env.put(HydrateConfig.KINESIS_MAX_READS_PER_SECOND, Integer.toString(kinesisReadsPerSecond));
        env.put(HydrateConfig.WRITE_PARALLELISM, Integer.toString(writeParallelism));
        LocalCredentials.install();
        return new HydrateFunction(HydrateWiring.builder(HydrateConfig.fromEnv(env))
                .aws(AwsSettings.defaults().withRegion(LocalAws.REGION.id()))
                .endpoints(kinesisEndpoint, s3Endpoint, sqsEndpoint)
                .output(log)
                .deadline(REHEARSAL_DEADLINE)
                .build());
    }

    public RequestHandler<SQSEvent, SQSBatchResponse> handler() {
        return handler;
    }

    /** Every Kinesis call the function's reader made, per shard. */
    public KinesisCallCounts kinesisCalls() {
        return wiring.kinesisCalls();
    }

    @Override
    public void close() {
        wiring.close();
    }
}
