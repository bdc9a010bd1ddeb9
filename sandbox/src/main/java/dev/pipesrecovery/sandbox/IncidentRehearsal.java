package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.sandbox.esm.LocalSqsEventSourceMapping;
import dev.pipesrecovery.sandbox.partner.PartnerApi;
import dev.pipesrecovery.sandbox.partner.PartnerBehaviour;
import dev.pipesrecovery.sandbox.pipe.LocalPipeStandIn;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The scripted incident of the README on a {@link SandboxStack}: events flow to the partner API, the API goes down,
 * the pipe retries and dead-letters, the hydrate function archives every failed record, the API recovers,
 * pipes-replay puts them back, traffic resumes, and a {@link Verification} proves every event arrived once and in
 * order. Components stay up after {@link #run} (for {@code bin/sandbox up}) until {@link #close()}.
 */
public final class IncidentRehearsal implements AutoCloseable {

    public static final String HYDRATE_FUNCTION = "pipes-recovery-hydrate";

    private final SandboxStack stack;
    private final RehearsalSettings settings;
    private final RehearsalTiming timing;
    private final PhaseLog log;
    private final Path workDir;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ProducedEvent> produced = new ArrayList<>();
    private RecoveryTopology topology;
    private PartnerApi partner;
    private LocalPipeStandIn pipe;
    private LocalSqsEventSourceMapping mapping;
    private HydrateFunction hydrate;
    private PipesReplay replay;
    private ArchiveCensus census;
    private S3ArchiveStore archive;
    private List<String> keys;
    private EventProducer producer;

    public IncidentRehearsal(SandboxStack stack, RehearsalSettings settings, RehearsalTiming timing, PhaseLog log,
                             Path workDir) {
        this.stack = stack;
        this.settings = settings;
        this.timing = timing;
        this.log = log;
        this.workDir = workDir;
    }

    /** Creates the resources and starts the partner API, the hydrate mapping and the pipe. */
    public IncidentRehearsal setUp(int shards) throws IOException {
        String consumer = settings.pipe().pipeName();
        topology = RecoveryTopology.create(stack, consumer, settings.pipe().streamName(), shards,
                settings.dlqMaxReceiveCount(), settings.archivePrefix());
        archive = keep(S3ArchiveStore.create(stack.s3(), topology.bucket()));
        partner = keep(PartnerApi.start(0));
        Files.createDirectories(workDir);
        PrintStream hydrateLog = keep(new PrintStream(Files.newOutputStream(workDir.resolve("hydrate.log")), true,
                java.nio.charset.StandardCharsets.UTF_8));
        hydrate = keep(HydrateFunction.create(stack.kinesisEndpoint(), stack.s3Endpoint(), topology,
                hydrateReadsPerSecond(), settings.writeParallelism(), hydrateLog));
        mapping = keep(new LocalSqsEventSourceMapping(stack.sqs(), topology.dlqUrl(), topology.dlqArn(),
                LocalAws.REGION.id(), HYDRATE_FUNCTION, hydrate.handler(), timing.esm())
                .start(settings.hydrateMaximumConcurrency()));
        pipe = keep(new LocalPipeStandIn(settings.pipe(), timing.pipe(),
                keep(OneAttemptClients.kinesis(stack.kinesisEndpoint())), stack.sqs(),
                topology.dlqUrl(), partner.url(), LocalAws.REGION.id(), LocalAws.ACCOUNT_ID, Clock.systemUTC(),
                Sleeper.SYSTEM).start());
        replay = new PipesReplay(stack.s3Endpoint().toString(), topology.bucket(), settings.archivePrefix(),
                workDir.resolve("pipes-replay"));
        log.phase("set up", "stream " + topology.streamName() + " (" + shards + " shards), DLQ "
                + queueName(topology.dlqUrl()) + " -> poison queue after " + settings.dlqMaxReceiveCount()
                + " receives, bucket " + topology.bucket() + ", partner API " + partner.url());
        log.detail("LOCAL STAND-IN pipe '" + settings.pipe().pipeName() + "' (not the AWS service) polling "
                + topology.streamName() + "; hydrate function " + HYDRATE_FUNCTION + " behind a local SQS event"
                + " source mapping (batch " + timing.esm().batchSize() + ", " + settings.hydrateMaximumConcurrency()
                + " concurrent) reading " + hydrateReadsPerSecond() + " calls/s per shard");
        return this;
    }

    private int hydrateReadsPerSecond() {
        return timing.kinesisReadsOverride() > 0 ? timing.kinesisReadsOverride() : settings.kinesisMaxReadsPerSecond();
    }

    /** The whole story; returns the verification table's numbers. */
    public Verification run(IncidentPlan plan) throws InterruptedException {
        runUntilArchived(plan);
        return replayAndVerify(plan);
    }

    /** Phases 1-4: traffic, outage, hydrate; ends with the partner API healthy and the archive full. */
    public void runUntilArchived(IncidentPlan plan) throws InterruptedException {
        keys = IntStream.range(0, plan.partitionKeys()).mapToObj(i -> "customer-" + i).toList();
        producer = new EventProducer(stack.kinesis(), topology.streamName(), "evt");

        log.phase("1 traffic", "partner API healthy; producing " + plan.eventsBefore() + " events over "
                + keys.size() + " partition keys");
        produced.addAll(producer.produce(plan.eventsBefore(), keys, plan.paddingBytes()));
        awaitPipe(produced.size());
        log.detail("pipe delivered " + pipe.stats().recordsDelivered() + " (partner accepted "
                + partner.deliveries().acceptedCount() + ")");

        partner.behave(PartnerBehaviour.down());
        log.phase("2 outage", "partner API DOWN (503); producing " + plan.eventsDuringOutage() + " events");
        produced.addAll(producer.produce(plan.eventsDuringOutage(), keys, plan.paddingBytes()));
        awaitPipe(produced.size());
        log.detail("pipe retried " + pipe.stats().customerErrors() + " failed calls (1 + MaximumRetryAttempts="
                + settings.pipe().maximumRetryAttempts() + " per record, exponential backoff), then dead-lettered "
                + pipe.stats().recordsDeadLettered() + " records in " + pipe.stats().deadLetters().size()
                + " metadata-only DLQ messages");

        log.phase("3 hydrate", "hydrate function re-reads each DLQ message's range from Kinesis into S3 ("
                + hydrateReadsPerSecond() + " reads/s per shard)");
        awaitHydrated();
        log.detail("archived " + census.records() + " records, loss markers " + census.lossMarkers().size()
                + ", DLQ empty, poison queue " + QueueDepth.of(stack.sqs(), topology.poisonQueueUrl())
                + " (hydrate invocations " + mapping.stats().invocations() + ")");

        partner.behave(PartnerBehaviour.healthy());
        log.phase("4 recovered", "partner API healthy again; what the archive holds (pipes-replay list):");
        PipesReplay.Result list = replay.run("list", "--consumer", settings.pipe().pipeName());
        list.out().lines().forEach(log::detail);
    }

    /** Phases 5-6 and the verification: replay, live traffic again, the table. */
    public Verification replayAndVerify(IncidentPlan plan) throws InterruptedException {
        long replayFrom = partner.deliveries().size();
        log.phase("5 replay", "pipes-replay replay --target http --url " + partner.url() + " --consumer "
                + settings.pipe().pipeName() + " --yes");
        PipesReplay.Result result = replay.run("replay", "--target", "http", "--url", partner.url().toString(),
                "--consumer", settings.pipe().pipeName(), "--rate", Integer.toString(timing.replayRate()),
                "--concurrency", "8", "--yes", "--state-dir", workDir.resolve("pipes-replay").toString());
        long replayTo = partner.deliveries().size();
        result.out().lines().forEach(log::detail);
        if (result.exitCode() != 0) {
            log.detail("pipes-replay exited " + result.exitCode() + ": " + result.err().strip());
        }

        log.phase("6 traffic", "producing " + plan.eventsAfter() + " more events, delivered live");
        produced.addAll(producer.produce(plan.eventsAfter(), keys, plan.paddingBytes()));
        awaitPipe(produced.size());

        Verification verification = Verification.of(produced, partner.deliveries().all(),
                pipe.stats().recordsDeadLettered(), census.records(), census.recordsLost(), replayFrom, replayTo);
        log.phase("verify", "partner API delivery log vs. what was produced:");
        log.raw(verification.table());
        return verification;
    }

    private void awaitPipe(long records) throws InterruptedException {
        if (!pipe.awaitDone(records, timing.phaseTimeout())) {
            throw new IllegalStateException("the pipe handled " + pipe.stats().recordsDone() + " of " + records
                    + " records within " + timing.phaseTimeout());
        }
    }

    private void awaitHydrated() throws InterruptedException {
        long deadline = System.nanoTime() + timing.phaseTimeout().toNanos();
        KeyLayout layout = new KeyLayout(settings.archivePrefix());
        while (true) {
            long depth = QueueDepth.of(stack.sqs(), topology.dlqUrl());
            if (depth == 0) {
                census = ArchiveCensus.take(archiveStore(), layout, settings.pipe().pipeName());
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the DLQ still holds " + depth + " messages after "
                        + timing.phaseTimeout());
            }
            Thread.sleep(250);
        }
    }

    /** The archive as the sandbox's own S3 client sees it (for the census and the tests). */
    public ArchiveStore archiveStore() {
        return archive;
    }

    public RecoveryTopology topology() {
        return topology;
    }

    public PartnerApi partner() {
        return partner;
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

    public List<ProducedEvent> produced() {
        return List.copyOf(produced);
    }

    private <T extends AutoCloseable> T keep(T component) {
        running.add(0, component);
        return component;
    }

    private static String queueName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Stops the pipe, the mapping, the hydrate function and the partner API (not the stack). */
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
