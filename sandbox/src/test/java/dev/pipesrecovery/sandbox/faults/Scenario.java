package dev.pipesrecovery.sandbox.faults;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.sandbox.ArchiveCensus;
import dev.pipesrecovery.sandbox.EventProducer;
import dev.pipesrecovery.sandbox.HydrateFunction;
import dev.pipesrecovery.sandbox.PipesReplay;
import dev.pipesrecovery.sandbox.ProducedEvent;
import dev.pipesrecovery.sandbox.QueueDrain;
import dev.pipesrecovery.sandbox.RecoveryTopology;
import dev.pipesrecovery.sandbox.SandboxStack;
import dev.pipesrecovery.sandbox.esm.EsmSettings;
import dev.pipesrecovery.sandbox.esm.LocalSqsEventSourceMapping;
import dev.pipesrecovery.sandbox.partner.PartnerBehaviour;
import dev.pipesrecovery.sandbox.partner.PartnerStandIn;
import dev.pipesrecovery.sandbox.pipe.LocalPipeStandIn;
import dev.pipesrecovery.sandbox.pipe.PipeSettings;
import dev.pipesrecovery.sandbox.pipe.StandInOptions;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One consumer's recovery on the shared emulators, for the fault tests: its own stream, DLQ, poison queue, bucket
 * and partner API. The DLQ is filled the way production fills it (the pipe stand-in, partner down, no retries); the
 * hydrate function and pipes-replay can be pointed at fault-injecting proxies instead of the emulators.
 */
final class Scenario implements AutoCloseable {

    /** Short timeouts so a failed batch comes back within seconds. */
    static final EsmSettings QUICK_REDELIVERY =
            new EsmSettings(10, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1));

    static final String PREFIX = "archive";
    private static final AtomicInteger RUN = new AtomicInteger();

    final SandboxStack stack;
    final String consumer;
    final RecoveryTopology topology;
    final PartnerStandIn partner;
    final S3ArchiveStore archive;
    final KeyLayout layout = new KeyLayout(PREFIX);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ByteArrayOutputStream hydrateLog = new ByteArrayOutputStream();

    private Scenario(SandboxStack stack, String consumer, RecoveryTopology topology, PartnerStandIn partner) {
        this.stack = stack;
        this.consumer = consumer;
        this.topology = topology;
        this.partner = partner;
        this.archive = S3ArchiveStore.create(stack.s3(), topology.bucket());
    }

    static Scenario create(String name, int shards, int maxReceiveCount) throws Exception {
        String consumer = name + "-" + RUN.incrementAndGet();
        SandboxStack stack = SandboxStack.shared(false);
        RecoveryTopology topology = RecoveryTopology.create(stack, consumer, consumer, shards, maxReceiveCount, PREFIX);
        return new Scenario(stack, consumer, topology, PartnerStandIn.start(0));
    }

    /** Writes events to the stream and lets the pipe dead-letter every one of them (one DLQ message each). */
    List<ProducedEvent> produceAndDeadLetter(int count, List<String> keys, int paddingBytes) throws Exception {
        List<ProducedEvent> events =
                new EventProducer(stack.kinesis(), consumer, consumer).produce(count, keys, paddingBytes);
        deadLetterEverything(events.size());
        return events;
    }

    /** Runs the pipe (TRIM_HORIZON, partner down, no retries) until {@code records} are dead-lettered. */
    void deadLetterEverything(long records) throws Exception {
        partner.behave(PartnerBehaviour.down());
        PipeSettings settings = new PipeSettings(consumer, consumer, 1, 0, -1, true, 1, "TRIM_HORIZON", "<$.data>", "");
        try (LocalPipeStandIn pipe = new LocalPipeStandIn(
                        settings,
                        StandInOptions.rehearsal(),
                        stack.kinesis(),
                        stack.sqs(),
                        topology.dlqUrl(),
                        partner.url(),
                        LocalAws.REGION.id(),
                        LocalAws.ACCOUNT_ID,
                        Clock.systemUTC(),
                        Sleeper.SYSTEM)
                .start()) {
            if (!pipe.awaitDone(records, Duration.ofSeconds(60))) {
                throw new AssertionError(
                        "the pipe dead-lettered " + pipe.stats().recordsDone() + " of " + records);
            }
        }
        partner.behave(PartnerBehaviour.healthy());
    }

    HydrateFunction hydrateFunction(URI kinesisEndpoint, URI s3Endpoint) {
        HydrateFunction function = HydrateFunction.create(
                kinesisEndpoint,
                s3Endpoint,
                stack.sqsEndpoint(),
                topology,
                5,
                8,
                new PrintStream(hydrateLog, true, StandardCharsets.UTF_8));
        toClose.add(0, function);
        return function;
    }

    LocalSqsEventSourceMapping mapping(HydrateFunction function, EsmSettings settings) {
        LocalSqsEventSourceMapping mapping = new LocalSqsEventSourceMapping(
                stack.sqs(),
                topology.dlqUrl(),
                topology.dlqArn(),
                LocalAws.REGION.id(),
                "hydrate-" + consumer,
                function.handler(),
                settings);
        toClose.add(0, mapping);
        return mapping;
    }

    /** Runs the hydrate function (through these endpoints) until the DLQ is empty. */
    void hydrateAll(URI kinesisEndpoint, URI s3Endpoint, Duration timeout) throws Exception {
        try (LocalSqsEventSourceMapping mapping = mapping(
                        hydrateFunction(kinesisEndpoint, s3Endpoint), QUICK_REDELIVERY)
                .start(2)) {
            if (!QueueDrain.awaitEmpty(stack.sqs(), topology.dlqUrl(), timeout)) {
                throw new AssertionError("DLQ not empty after " + timeout + "; hydrate log:\n" + hydrateLog());
            }
        }
    }

    ArchiveCensus census() {
        return ArchiveCensus.take(archive, layout, consumer);
    }

    PipesReplay replay(URI s3Endpoint, Path stateDir) {
        return new PipesReplay(s3Endpoint.toString(), topology.bucket(), PREFIX, stateDir);
    }

    /** {@code replay} to this scenario's partner API, unlimited rate, 4 workers, short retry backoff. */
    String[] replayArgs(Path stateDir) {
        return replayArgs(stateDir, 0);
    }

    String[] replayArgs(Path stateDir, int rate) {
        return new String[] {
            "replay",
            "--target",
            "http",
            "--url",
            partner.url().toString(),
            "--consumer",
            consumer,
            "--rate",
            Integer.toString(rate),
            "--concurrency",
            "4",
            "--retry-base-millis",
            "5",
            "--yes",
            "--state-dir",
            stateDir.toString()
        };
    }

    String hydrateLog() {
        return hydrateLog.toString(StandardCharsets.UTF_8);
    }

    long poisonDepth() {
        return QueueDrain.of(stack.sqs(), topology.poisonQueueUrl());
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        archive.close();
        partner.close();
        stack.close();
    }
}
