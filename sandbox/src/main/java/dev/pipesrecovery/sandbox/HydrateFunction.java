package dev.pipesrecovery.sandbox;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pipesrecovery.hydrate.HydrateBatch;
import dev.pipesrecovery.hydrate.HydrateConfig;
import dev.pipesrecovery.hydrate.HydrateHandler;
import dev.pipesrecovery.dlq.sqs.SqsQueueTags;
import dev.pipesrecovery.hydrate.aws.AwsCollaborators;
import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The real hydrate function ({@link HydrateHandler}, the production orchestration), configured through the same
 * environment variables CloudFormation sets and wired to the emulators; SDK clients with one attempt each, as in
 * production, because the reader and the store retry themselves.
 */
public final class HydrateFunction implements AutoCloseable {

    /** Messages must not start with less time left than this in a rehearsal's (short) function timeout. */
    public static final HydrateBatch.Deadline REHEARSAL_DEADLINE =
            new HydrateBatch.Deadline(Duration.ofSeconds(3), Duration.ofMillis(500));

    private final KinesisClient kinesis;
    private final S3Client s3;
    private final SqsClient sqs;
    private final AwsCollaborators collaborators;
    private final HydrateHandler handler;

    private HydrateFunction(KinesisClient kinesis, S3Client s3, SqsClient sqs, AwsCollaborators collaborators,
                            HydrateHandler handler) {
        this.kinesis = kinesis;
        this.s3 = s3;
        this.sqs = sqs;
        this.collaborators = collaborators;
        this.handler = handler;
    }

    /**
     * @param kinesisEndpoint where the function reads the stream (the emulator, or a fault-injecting proxy)
     * @param s3Endpoint      where it writes the archive
     * @param sqsEndpoint     where it reads its DLQs' registration (their tags)
     * @param log             where its log lines and EMF metrics go (stdout in Lambda)
     */
    public static HydrateFunction create(URI kinesisEndpoint, URI s3Endpoint, URI sqsEndpoint,
                                         RecoveryTopology topology, int kinesisReadsPerSecond, int writeParallelism,
                                         PrintStream log) {
        Map<String, String> env = new HashMap<>();
        env.put(HydrateConfig.ARCHIVE_BUCKET, topology.bucket());
        env.put(HydrateConfig.ARCHIVE_PREFIX, topology.archivePrefix());
        env.put(HydrateConfig.KINESIS_MAX_READS_PER_SECOND, Integer.toString(kinesisReadsPerSecond));
        env.put(HydrateConfig.WRITE_PARALLELISM, Integer.toString(writeParallelism));
        HydrateConfig config = HydrateConfig.fromEnv(env);
        AwsCollaborators.keepConnectionsAlive(config.writeParallelism() + HydrateHandler.SPAN_CONCURRENCY);
        KinesisClient kinesis = OneAttemptClients.kinesis(kinesisEndpoint);
        S3Client s3 = OneAttemptClients.s3(s3Endpoint);
        SqsClient sqs = LocalAws.sqs(sqsEndpoint);
        AwsCollaborators collaborators = AwsCollaborators.of(config, kinesis, s3, new SqsQueueTags(sqs));
        HydrateHandler handler = new HydrateHandler(collaborators.reader(), collaborators.store(),
                collaborators.registry(), config, Clock.systemUTC(), log, REHEARSAL_DEADLINE);
        return new HydrateFunction(kinesis, s3, sqs, collaborators, handler);
    }

    public RequestHandler<SQSEvent, SQSBatchResponse> handler() {
        return handler;
    }

    /** Every Kinesis call the function's reader made, per shard. */
    public KinesisCallCounts kinesisCalls() {
        return collaborators.reader().counts();
    }

    @Override
    public void close() {
        collaborators.close();
        kinesis.close();
        s3.close();
        sqs.close();
    }
}
