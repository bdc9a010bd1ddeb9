package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.replay.plan.standin.StandInStateMachine;
import dev.pipesrecovery.replay.target.aws.AwsTargets;
import dev.pipesrecovery.replay.target.aws.TargetSpec;
import dev.pipesrecovery.sandbox.esm.LocalSqsEventSourceMapping;
import dev.pipesrecovery.sandbox.partner.PartnerBehaviour;
import dev.pipesrecovery.sandbox.partner.PartnerStandIn;
import dev.pipesrecovery.sandbox.pipe.LocalPipeStandIn;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The scripted incident of the README on a {@link LocalDeployment}: events flow to the partner API, the API goes
 * down, the pipe retries and dead-letters, the hydrate function archives every failed record, the API recovers,
 * pipes-replay puts them back, traffic resumes, and a {@link Verification} proves every event arrived once and in
 * order. The deployment stays up afterwards (for {@code bin/sandbox up}); its owner closes it.
 */
public final class IncidentRehearsal {

    private final SandboxStack stack;
    private final LocalDeployment deployment;
    private final PhaseLog log;
    private final Path workDir;
    private final List<ProducedEvent> produced = new ArrayList<>();
    private final RehearsalSettings settings;
    private final RehearsalTiming timing;
    private final RecoveryTopology topology;
    private final PartnerStandIn partner;
    private final LocalPipeStandIn pipe;
    private final LocalSqsEventSourceMapping mapping;
    private final PipesReplay replay;
    private final ReplayEngineChoice engine;
    private ArchiveCensus census;
    private List<String> keys;
    private EventProducer producer;

    public IncidentRehearsal(SandboxStack stack, LocalDeployment deployment, PhaseLog log, Path workDir) {
        this(stack, deployment, log, workDir, ReplayEngineChoice.LOCAL);
    }

    /** @param engine how phase 5 replays: the local engine, or the managed engine's plan and worker on a stand-in */
    public IncidentRehearsal(
            SandboxStack stack, LocalDeployment deployment, PhaseLog log, Path workDir, ReplayEngineChoice engine) {
        this.engine = engine;
        this.stack = stack;
        this.deployment = deployment;
        this.log = log;
        this.workDir = workDir;
        this.settings = deployment.settings();
        this.timing = deployment.timing();
        this.topology = deployment.topology();
        this.partner = deployment.partner();
        this.pipe = deployment.pipe();
        this.mapping = deployment.mapping();
        this.replay = deployment.replay();
        List<String> description = deployment.describe();
        log.phase("set up", description.get(0));
        description.subList(1, description.size()).forEach(log::detail);
    }

    /** The whole story; returns the verification table's numbers. */
    public Verification run(IncidentPlan plan) throws InterruptedException {
        runUntilArchived(plan);
        return replayAndVerify(plan);
    }

    /** Phases 1-4: traffic, outage, hydrate; ends with the partner API healthy and the archive full. */
    public void runUntilArchived(IncidentPlan plan) throws InterruptedException {
        keys = IntStream.range(0, plan.partitionKeys())
                .mapToObj(i -> "customer-" + i)
                .toList();
        producer = new EventProducer(stack.kinesis(), topology.streamName(), "evt");

        log.phase(
                "1 traffic",
                "partner API healthy; producing " + plan.eventsBefore() + " events over " + keys.size()
                        + " partition keys");
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
                + pipe.stats().recordsDeadLettered() + " records in "
                + pipe.stats().deadLetters().size()
                + " metadata-only DLQ messages");

        log.phase(
                "3 hydrate",
                "hydrate function re-reads the DLQ messages' ranges from Kinesis, each shard's together," + " into S3 ("
                        + deployment.hydrateReadsPerSecond() + " reads/s per shard)");
        awaitHydrated();
        var calls = deployment.hydrateFunction().kinesisCalls().total();
        log.detail("archived " + census.records() + " records, loss markers "
                + census.lossMarkers().size()
                + ", DLQ empty, poison queue " + QueueDrain.of(stack.sqs(), topology.poisonQueueUrl())
                + " (hydrate invocations " + mapping.stats().invocations() + ", Kinesis calls "
                + calls.getShardIterator() + " GetShardIterator + " + calls.getRecords() + " GetRecords)");

        partner.behave(PartnerBehaviour.healthy());
        log.phase("4 recovered", "partner API healthy again; what the archive holds (pipes-replay list):");
        PipesReplay.Result list =
                replay.run("list", "--consumer", settings.pipe().pipeName());
        list.out().lines().forEach(log::detail);
    }

    /** Phases 5-6 and the verification: replay, live traffic again, the table. */
    public Verification replayAndVerify(IncidentPlan plan) throws InterruptedException {
        long replayFrom = partner.deliveries().size();
        PipesReplay.Result result;
        try {
            result = engine == ReplayEngineChoice.LOCAL ? replayLocally() : replayManaged();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay worker's log in " + workDir, e);
        }
        long replayTo = partner.deliveries().size();
        result.out().lines().forEach(log::detail);
        if (result.exitCode() != 0) {
            log.detail("pipes-replay exited " + result.exitCode() + ": "
                    + result.err().strip());
        }

        log.phase("6 traffic", "producing " + plan.eventsAfter() + " more events, delivered live");
        produced.addAll(producer.produce(plan.eventsAfter(), keys, plan.paddingBytes()));
        awaitPipe(produced.size());

        Verification verification = Verification.of(
                produced,
                partner.deliveries().all(),
                pipe.stats().recordsDeadLettered(),
                census.records(),
                census.recordsLost(),
                replayFrom,
                replayTo);
        log.phase("verify", "partner API delivery log vs. what was produced:");
        log.raw(verification.table());
        return verification;
    }

    private PipesReplay.Result replayLocally() {
        log.phase(
                "5 replay",
                "pipes-replay replay --target http --url " + partner.url() + " --consumer "
                        + settings.pipe().pipeName() + " --yes");
        return replay.run(replayArguments(List.of()));
    }

    /**
     * The managed engine: pipes-replay writes the plan and run.json to the bucket as against AWS, and the run
     * "starts" on the {@link StandInStateMachine}, which runs each plan line through the real replay worker.
     */
    private PipesReplay.Result replayManaged() throws IOException {
        String stateMachine = "arn:aws:states:" + LocalAws.REGION.id() + ":" + LocalAws.ACCOUNT_ID + ":stateMachine:"
                + settings.pipe().pipeName() + "-replay";
        log.phase(
                "5 replay",
                "pipes-replay replay --engine stepfunctions --state-machine " + stateMachine + " --target http --url "
                        + partner.url() + " --consumer " + settings.pipe().pipeName() + " --yes");
        Path workerLogFile = workDir.resolve("replay-worker.log");
        log.detail("the execution runs on a LOCAL STAND-IN of the Distributed Map (no emulator runs one): each plan"
                + " line is a child that invokes the replay worker until it answers done (its log: " + workerLogFile
                + ")");
        PrintStream workerLog = new PrintStream(Files.newOutputStream(workerLogFile), true, StandardCharsets.UTF_8);
        StandInStateMachine stateMachineStandIn = new StandInStateMachine(
                deployment.archive(),
                new KeyLayout(settings.archivePrefix()),
                // the partner API as pipes-replay builds an http target: one construction path
                new AwsTargets(AwsSettings.defaults().withRegion(LocalAws.REGION.id()), Clock.systemUTC(), c -> {})
                        .open(TargetSpec.Http.url(partner.url())),
                settings.pipe().pipeName(),
                timing.workerInvocationBudget(),
                workerLog);
        PipesReplay.Result result;
        try {
            result = replay.withManagedRuns(stateMachineStandIn)
                    .run(replayArguments(List.of("--engine", "stepfunctions", "--state-machine", stateMachine)));
        } finally {
            workerLog.close();
        }
        StandInStateMachine.Run run = stateMachineStandIn.lastRun();
        if (run != null) {
            log.detail("stand-in Map Run: " + run.items() + " plan items (" + run.records() + " records), "
                    + run.result().succeeded() + " succeeded, "
                    + run.result().failures().size() + " failed, "
                    + run.result().invocations() + " worker invocations");
            run.result().failures().forEach(failure -> log.detail("  failed: " + failure));
        }
        return result;
    }

    private String[] replayArguments(List<String> engineOptions) {
        List<String> arguments = new ArrayList<>(List.of("replay"));
        arguments.addAll(engineOptions);
        arguments.addAll(List.of(
                "--target",
                "http",
                "--url",
                partner.url().toString(),
                "--consumer",
                settings.pipe().pipeName(),
                "--rate",
                Integer.toString(timing.replayRate()),
                "--concurrency",
                "8",
                "--yes",
                "--state-dir",
                workDir.resolve("pipes-replay").toString()));
        return arguments.toArray(String[]::new);
    }

    private void awaitPipe(long records) throws InterruptedException {
        if (!pipe.awaitDone(records, timing.phaseTimeout())) {
            throw new IllegalStateException("the pipe handled " + pipe.stats().recordsDone() + " of " + records
                    + " records within " + timing.phaseTimeout());
        }
    }

    private void awaitHydrated() throws InterruptedException {
        if (!QueueDrain.awaitEmpty(stack.sqs(), topology.dlqUrl(), timing.phaseTimeout())) {
            throw new IllegalStateException("the DLQ still holds " + QueueDrain.of(stack.sqs(), topology.dlqUrl())
                    + " messages after " + timing.phaseTimeout());
        }
        census = ArchiveCensus.take(
                deployment.archive(),
                new KeyLayout(settings.archivePrefix()),
                settings.pipe().pipeName());
    }

    public List<ProducedEvent> produced() {
        return List.copyOf(produced);
    }
}
