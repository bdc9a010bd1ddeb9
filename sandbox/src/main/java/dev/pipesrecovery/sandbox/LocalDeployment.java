package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.sandbox.esm.EsmSettings;
import dev.pipesrecovery.sandbox.esm.LocalSqsEventSourceMapping;
import dev.pipesrecovery.sandbox.partner.PartnerStandIn;
import dev.pipesrecovery.sandbox.pipe.LocalPipeStandIn;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One consumer's pipes-recovery deployed on a {@link SandboxStack}, as the two CloudFormation stacks would deploy
 * it: the resources ({@link RecoveryTopology}), the partner API behind the pipe, the hydrate function behind its
 * event source mapping, the pipe itself, and pipes-replay pointed at the archive. Everything runs until
 * {@link #close()} (the stack stays).
 */
public final class LocalDeployment implements AutoCloseable {

    public static final String HYDRATE_FUNCTION = "pipes-recovery-hydrate";

    private final RehearsalSettings settings;
    private final RehearsalTiming timing;
    private final List<AutoCloseable> running = new ArrayList<>();
    private RecoveryTopology topology;
    private S3ArchiveStore archive;
    private PartnerStandIn partner;
    private LocalSqsEventSourceMapping mapping;
    private LocalPipeStandIn pipe;
    private PipesReplay replay;
    private HydrateFunction hydrate;
    private int shards;

    private LocalDeployment(RehearsalSettings settings, RehearsalTiming timing) {
        this.settings = settings;
        this.timing = timing;
    }

    /** Creates the resources, then starts the partner API, the hydrate mapping and the pipe, in that order. */
    public static LocalDeployment start(
            SandboxStack stack, RehearsalSettings settings, RehearsalTiming timing, Path workDir, int shards)
            throws IOException {
        LocalDeployment deployment = new LocalDeployment(settings, timing);
        try {
            deployment.deploy(stack, workDir, shards);
            return deployment;
        } catch (IOException | RuntimeException e) {
            deployment.close();
            throw e;
        }
    }

    private void deploy(SandboxStack stack, Path workDir, int shardCount) throws IOException {
        shards = shardCount;
        topology = RecoveryTopology.create(
                stack,
                settings.pipe().pipeName(),
                settings.pipe().streamName(),
                shards,
                settings.dlqMaxReceiveCount(),
                settings.archivePrefix());
        archive = keep(S3ArchiveStore.create(stack.s3(), topology.bucket()));
        partner = keep(PartnerStandIn.start(0));
        Files.createDirectories(workDir);
        PrintStream hydrateLog = keep(
                new PrintStream(Files.newOutputStream(workDir.resolve("hydrate.log")), true, StandardCharsets.UTF_8));
        hydrate = keep(HydrateFunction.create(
                stack.kinesisEndpoint(),
                stack.s3Endpoint(),
                stack.sqsEndpoint(),
                topology,
                hydrateReadsPerSecond(),
                settings.writeParallelism(),
                hydrateLog));
        mapping = keep(new LocalSqsEventSourceMapping(
                        stack.sqs(),
                        topology.dlqUrl(),
                        topology.dlqArn(),
                        LocalAws.REGION.id(),
                        HYDRATE_FUNCTION,
                        hydrate.handler(),
                        esm())
                .start(settings.hydrateMaximumConcurrency()));
        pipe = keep(new LocalPipeStandIn(
                        settings.pipe(),
                        timing.pipe(),
                        keep(OneAttemptClients.kinesis(stack.kinesisEndpoint())),
                        stack.sqs(),
                        topology.dlqUrl(),
                        partner.url(),
                        LocalAws.REGION.id(),
                        LocalAws.ACCOUNT_ID,
                        Clock.systemUTC(),
                        Sleeper.SYSTEM)
                .start());
        replay = new PipesReplay(
                stack.s3Endpoint().toString(),
                topology.bucket(),
                settings.archivePrefix(),
                workDir.resolve("pipes-replay"));
    }

    /** The deployment's batch size and batching window, with the timing's visibility and function timeout. */
    public EsmSettings esm() {
        return timing.esm()
                .deployed(settings.hydrateBatchSize(), Duration.ofSeconds(settings.hydrateBatchingWindowSeconds()));
    }

    /** {@code KINESIS_MAX_READS_PER_SECOND}: the deployment's, unless the timing overrides it. */
    public int hydrateReadsPerSecond() {
        return timing.kinesisReadsOverride() > 0 ? timing.kinesisReadsOverride() : settings.kinesisMaxReadsPerSecond();
    }

    /** Two lines for the set-up phase. */
    public List<String> describe() {
        String dlq = topology.dlqUrl().substring(topology.dlqUrl().lastIndexOf('/') + 1);
        return List.of(
                "stream " + topology.streamName() + " (" + shards + " shards), DLQ " + dlq + " -> poison queue after "
                        + settings.dlqMaxReceiveCount() + " receives, bucket " + topology.bucket() + ", partner API "
                        + partner.url(),
                "LOCAL STAND-IN pipe '" + settings.pipe().pipeName() + "' (not the AWS service) polling "
                        + topology.streamName() + "; hydrate function " + HYDRATE_FUNCTION + " behind a local SQS"
                        + " event source mapping (batches of up to " + esm().batchSize() + " gathered for up to "
                        + esm().batchingWindow().toSeconds() + " s, " + settings.hydrateMaximumConcurrency()
                        + " concurrent) reading " + hydrateReadsPerSecond()
                        + " calls/s per shard");
    }

    public RehearsalSettings settings() {
        return settings;
    }

    public RehearsalTiming timing() {
        return timing;
    }

    public RecoveryTopology topology() {
        return topology;
    }

    /** The archive as the sandbox's own S3 client sees it. */
    public ArchiveStore archive() {
        return archive;
    }

    public PartnerStandIn partner() {
        return partner;
    }

    /** The hydrate function behind the mapping (its Kinesis call counts). */
    public HydrateFunction hydrateFunction() {
        return hydrate;
    }

    public LocalPipeStandIn pipe() {
        return pipe;
    }

    public LocalSqsEventSourceMapping mapping() {
        return mapping;
    }

    public PipesReplay replay() {
        return replay;
    }

    private <T extends AutoCloseable> T keep(T component) {
        running.add(0, component);
        return component;
    }

    /** Stops the pipe, the mapping, the hydrate function and the partner API, newest first. */
    @Override
    public void close() {
        for (AutoCloseable component : running) {
            try {
                component.close();
            } catch (Exception e) {
                System.err.println("sandbox: could not stop " + component + ": " + e);
            }
        }
        running.clear();
    }
}
