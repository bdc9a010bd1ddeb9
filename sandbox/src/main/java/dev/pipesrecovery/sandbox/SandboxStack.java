package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.testkit.ElasticMq;
import dev.pipesrecovery.testkit.Emulator;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Kinesalite;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.MotoServer;
import dev.pipesrecovery.testkit.S3MockServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local AWS of a rehearsal, started and stopped together: kinesalite (Kinesis), ElasticMQ (SQS), S3Mock or
 * moto_server (S3) and, when a scenario needs EventBridge, moto_server; each on a free port of 127.0.0.1 (testkit). One SDK
 * client per service, built once. {@link #startOwn} owns its emulators and stops them on {@link #close()} and on
 * JVM exit (Ctrl-C included); {@link #shared} uses the test JVM's shared emulators, which testkit stops.
 */
public final class SandboxStack implements AutoCloseable {

    private final Emulator kinesisEmulator;
    private final Emulator sqsEmulator;
    private final Emulator s3Emulator;
    private final Emulator motoEmulator;
    private final boolean owned;
    private final KinesisClient kinesis;
    private final SqsClient sqs;
    private final S3Client s3;
    private final Thread stopOnExit;
    private volatile boolean closed;

    private SandboxStack(Emulator kinesis, Emulator sqs, Emulator s3, Emulator moto, boolean owned) {
        this.kinesisEmulator = kinesis;
        this.sqsEmulator = sqs;
        this.s3Emulator = s3;
        this.motoEmulator = moto;
        this.owned = owned;
        this.kinesis = LocalAws.kinesis(kinesis);
        this.sqs = LocalAws.sqs(sqs);
        this.s3 = LocalAws.s3(s3);
        this.stopOnExit = owned ? new Thread(() -> stopEmulators(true), "sandbox-stack-stop") : null;
        if (owned) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
    }

    /** Starts a stack of its own, the emulators in parallel (about 3 s in all). */
    public static SandboxStack startOwn(boolean withMoto) {
        return startOwn(withMoto, false);
    }

    /**
     * @param s3OnMoto serve S3 from moto_server instead of S3Mock: S3Mock rewrites a bucket's whole key list on
     *                 every PutObject under a bucket-wide lock ({@code BucketStore.addKeyToBucket}), so its write
     *                 rate falls as a bucket grows; the benchmark's tens of thousands of objects need a flat cost
     */
    public static SandboxStack startOwn(boolean withMoto, boolean s3OnMoto) {
        List<CompletableFuture<? extends Emulator>> starting = new ArrayList<>();
        CompletableFuture<Kinesalite> kinesis = CompletableFuture.supplyAsync(Kinesalite::start);
        CompletableFuture<ElasticMq> sqs = CompletableFuture.supplyAsync(ElasticMq::start);
        CompletableFuture<MotoServer> moto = withMoto || s3OnMoto
                ? CompletableFuture.supplyAsync(MotoServer::start)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<? extends Emulator> s3 = s3OnMoto ? moto : CompletableFuture.supplyAsync(S3MockServer::start);
        starting.add(kinesis);
        starting.add(sqs);
        starting.add(s3);
        starting.add(moto);
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException failed) {
            // stop whatever did start before reporting why the rest did not
            starting.stream()
                    .filter(f -> !f.isCompletedExceptionally())
                    .map(CompletableFuture::join)
                    .filter(e -> e != null)
                    .forEach(Emulator::close);
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        return new SandboxStack(kinesis.join(), sqs.join(), s3.join(), moto.join(), true);
    }

    /** The test JVM's shared emulators (testkit {@link Emulators}); closing the stack closes only its clients. */
    public static SandboxStack shared(boolean withMoto) {
        return new SandboxStack(
                Emulators.kinesalite(), Emulators.sqs(), Emulators.s3(), withMoto ? Emulators.moto() : null, false);
    }

    public KinesisClient kinesis() {
        return kinesis;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public S3Client s3() {
        return s3;
    }

    public URI kinesisEndpoint() {
        return kinesisEmulator.endpoint();
    }

    public URI sqsEndpoint() {
        return sqsEmulator.endpoint();
    }

    public URI s3Endpoint() {
        return s3Emulator.endpoint();
    }

    public Optional<URI> eventBridgeEndpoint() {
        return Optional.ofNullable(motoEmulator).map(Emulator::endpoint);
    }

    /** The Kinesis emulator's process (kinesalite, a {@code node}), so {@code bin/sandbox down} can make sure it is gone. */
    public Optional<ProcessHandle> kinesisProcess() {
        return kinesisEmulator instanceof Kinesalite local ? Optional.of(local.processHandle()) : Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kinesis.close();
        sqs.close();
        s3.close();
        if (owned) {
            stopEmulators(false);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException exiting) {
                // already shutting down: the hook runs (and stopping is idempotent)
            }
        }
    }

    /**
     * @param exiting called from the shutdown hook (Ctrl-C): S3Mock's Spring context has a hook of its own that
     *                stops it, and closing it a second time fails (with a stack trace) before its temporary root
     *                is deleted, so then only the root is deleted
     */
    private void stopEmulators(boolean exiting) {
        // closing is idempotent, so an emulator serving two services (moto) may appear twice
        for (Emulator emulator : new Emulator[] {motoEmulator, kinesisEmulator, s3Emulator, sqsEmulator}) {
            if (emulator == null) {
                continue;
            }
            if (exiting && emulator instanceof S3MockServer s3Mock) {
                deleteTree(s3Mock.root());
                continue;
            }
            try {
                emulator.close();
            } catch (RuntimeException e) {
                if (emulator instanceof S3MockServer s3Mock) {
                    deleteTree(s3Mock.root());
                }
                if (!exiting) {
                    System.err.println("sandbox: could not stop " + emulator + ": " + e);
                }
            }
        }
    }

    private static void deleteTree(java.nio.file.Path root) {
        try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException gone) {
            // already (partly) deleted: nothing else to do
        }
    }
}
