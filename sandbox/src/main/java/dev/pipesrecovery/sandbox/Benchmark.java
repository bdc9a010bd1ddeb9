package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.sandbox.esm.EsmSettings;
import dev.pipesrecovery.sandbox.esm.LocalSqsEventSourceMapping;
import dev.pipesrecovery.sandbox.partner.PartnerBehaviour;
import dev.pipesrecovery.sandbox.partner.PartnerStandIn;
import dev.pipesrecovery.sandbox.pipe.LocalPipeStandIn;
import dev.pipesrecovery.sandbox.pipe.PipeSettings;
import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * {@code bin/sandbox bench}: N events through stream → pipe (partner down) → DLQ → hydrate → archive → replay to
 * the partner API, one stage after the other so each stage's rate is its own; then the ceiling: the same S3 writes
 * straight into the emulator with the hydrate function's write parallelism. Prints figures, and the Kinesis calls of
 * the hydrate stage (the reader's own counts); asserts nothing.
 *
 * <p>The pipe runs as deployed, at BatchSize 1 (an API destination): one DLQ message per failed record. The hydrate
 * function reads each invocation's messages of a shard as one span, so the stage costs a few Kinesis calls per
 * thousand records, not two per record.
 */
public final class Benchmark {

    private static final int SHARDS = 8;
    private static final int READS_PER_SECOND = 5;

    private Benchmark() {}

    public static int run(int events, Path workDir, PhaseLog log) throws Exception {
        RehearsalSettings deployed = RehearsalSettings.load(Path.of(RehearsalSettings.DEFAULT_EXAMPLE));
        PipeSettings pipeSettings = new PipeSettings(
                "bench",
                "bench",
                deployed.pipe().batchSize(),
                deployed.pipe().maximumRetryAttempts(),
                -1,
                deployed.pipe().bisectOnFailure(),
                1,
                "TRIM_HORIZON",
                deployed.pipe().inputTemplate(),
                "");
        EsmSettings esm = new EsmSettings(
                        10,
                        Duration.ofSeconds(360),
                        Duration.ofSeconds(300),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60))
                .deployed(deployed.hydrateBatchSize(), Duration.ofSeconds(deployed.hydrateBatchingWindowSeconds()));
        List<String> keys =
                IntStream.range(0, 16).mapToObj(i -> "customer-" + i).toList();
        List<BenchmarkStage> stages = new ArrayList<>();
        Files.createDirectories(workDir);
        try (SandboxStack stack = SandboxStack.startOwn(false, true);
                PartnerStandIn partner = PartnerStandIn.start(0);
                PrintStream hydrateLog = new PrintStream(
                        Files.newOutputStream(workDir.resolve("bench-hydrate.log")), true, StandardCharsets.UTF_8)) {
            RecoveryTopology topology = RecoveryTopology.create(
                    stack, "bench", "bench", SHARDS, deployed.dlqMaxReceiveCount(), deployed.archivePrefix());
            log.phase(
                    "bench",
                    events + " events, " + SHARDS + " shards, pipe BatchSize " + pipeSettings.batchSize()
                            + ", hydrate batches of up to " + esm.batchSize() + " messages ("
                            + esm.batchingWindow().toSeconds()
                            + " s window), " + READS_PER_SECOND + " reads/s per shard, write parallelism "
                            + deployed.writeParallelism() + ", S3 on moto_server " + stack.s3Endpoint());

            long start = System.nanoTime();
            new EventProducer(stack.kinesis(), "bench", "bench").produce(events, keys, 200);
            stages.add(done(log, "produce (PutRecords)", events, start));

            partner.behave(PartnerBehaviour.down());
            start = System.nanoTime();
            try (KinesisClient pipeKinesis = OneAttemptClients.kinesis(stack.kinesisEndpoint());
                    LocalPipeStandIn pipe = new LocalPipeStandIn(
                                    pipeSettings,
                                    RehearsalTiming.test().pipe(),
                                    pipeKinesis,
                                    stack.sqs(),
                                    topology.dlqUrl(),
                                    partner.url(),
                                    LocalAws.REGION.id(),
                                    LocalAws.ACCOUNT_ID,
                                    Clock.systemUTC(),
                                    Sleeper.SYSTEM)
                            .start()) {
                require(pipe.awaitDone(events, Duration.ofMinutes(30)), "pipe stage timed out");
                stages.add(done(log, "pipe → DLQ", pipe.stats().recordsDeadLettered(), start));
            }

            start = System.nanoTime();
            try (HydrateFunction hydrate = HydrateFunction.create(
                            stack.kinesisEndpoint(),
                            stack.s3Endpoint(),
                            stack.sqsEndpoint(),
                            topology,
                            READS_PER_SECOND,
                            deployed.writeParallelism(),
                            hydrateLog);
                    LocalSqsEventSourceMapping mapping = new LocalSqsEventSourceMapping(
                                    stack.sqs(),
                                    topology.dlqUrl(),
                                    topology.dlqArn(),
                                    LocalAws.REGION.id(),
                                    "bench-hydrate",
                                    hydrate.handler(),
                                    esm)
                            .start(deployed.hydrateMaximumConcurrency())) {
                require(
                        QueueDrain.awaitEmpty(stack.sqs(), topology.dlqUrl(), Duration.ofMinutes(30)),
                        "hydrate stage timed out");
                stages.add(done(log, "DLQ → hydrate → archive", events, start));
                KinesisCallCounts.Count calls = hydrate.kinesisCalls().total();
                log.detail(String.format(
                        "hydrate stage Kinesis calls: %d GetShardIterator + %d GetRecords = %d for "
                                + "%d records (%.2f per 1,000), %d records read; %d invocations",
                        calls.getShardIterator(),
                        calls.getRecords(),
                        calls.calls(),
                        events,
                        1000.0 * calls.calls() / events,
                        calls.records(),
                        mapping.stats().invocations()));
            }

            List<ArchiveObject> archived;
            try (S3ArchiveStore store = S3ArchiveStore.create(stack.s3(), topology.bucket());
                    Stream<ArchiveObject> objects = store.list(topology.archivePrefix() + "/")) {
                archived = objects.toList();
            }
            long averageSize = (long)
                    archived.stream().mapToLong(ArchiveObject::size).average().orElse(1024);

            partner.behave(PartnerBehaviour.healthy());
            PipesReplay replay = new PipesReplay(
                    stack.s3Endpoint().toString(),
                    topology.bucket(),
                    topology.archivePrefix(),
                    workDir.resolve("bench-replay"));
            long before = partner.deliveries().acceptedCount();
            start = System.nanoTime();
            PipesReplay.Result result = replay.run(
                    "replay",
                    "--target",
                    "http",
                    "--url",
                    partner.url().toString(),
                    "--consumer",
                    "bench",
                    "--rate",
                    "0",
                    "--concurrency",
                    "16",
                    "--yes");
            stages.add(done(
                    log, "archive → pipes-replay → API", partner.deliveries().acceptedCount() - before, start));
            require(result.exitCode() == 0, "pipes-replay exited " + result.exitCode() + ": " + result.err());

            double ceiling = S3WriteCeiling.measure(
                    stack.s3(),
                    "bench-ceiling",
                    archived.stream().map(ArchiveObject::key).toList(),
                    (int) averageSize,
                    deployed.writeParallelism());
            log.raw(BenchmarkStage.table(stages, ceiling, averageSize));
        }
        return 0;
    }

    private static BenchmarkStage done(PhaseLog log, String name, long records, long startNanos) {
        BenchmarkStage stage = new BenchmarkStage(name, records, Duration.ofNanos(System.nanoTime() - startNanos));
        log.phase(
                "stage",
                String.format(
                        "%-30s %8d records in %7.1f s = %8.0f records/s",
                        name, records, stage.seconds(), stage.rate()));
        return stage;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
