package dev.pipesrecovery.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * JVM-wide shared emulators, each started on first use and stopped by one shutdown hook, so that every test class
 * of a test JVM (or the sandbox) shares one instance and nothing is left running. Only what is asked for starts:
 * {@code Emulators.kinesis()} starts kinesis-local and nothing else. Callers must not close shared instances.
 */
public final class Emulators {

    private static final Deque<Emulator> STARTED = new ArrayDeque<>();
    private static KinesisLocal kinesis;
    private static Kinesalite kinesalite;
    private static S3MockServer s3;
    private static ElasticMq sqs;
    private static MotoServer moto;
    private static LocalS3Server localS3;
    private static boolean hookInstalled;

    private Emulators() {}

    public static synchronized KinesisLocal kinesis() {
        if (kinesis == null) {
            kinesis = register(KinesisLocal::start);
        }
        return kinesis;
    }

    /**
     * kinesalite: the Kinesis emulator for the hydrate side (the range reader, the hydrate function, the sandbox and the
     * benchmarks), which reads thousands of records per test. Callers must name streams by {@code StreamName}.
     */
    public static synchronized Kinesalite kinesalite() {
        if (kinesalite == null) {
            kinesalite = register(Kinesalite::start);
        }
        return kinesalite;
    }

    public static synchronized S3MockServer s3() {
        if (s3 == null) {
            s3 = register(S3MockServer::start);
        }
        return s3;
    }

    public static synchronized ElasticMq sqs() {
        if (sqs == null) {
            sqs = register(ElasticMq::start);
        }
        return sqs;
    }

    /** moto_server, for EventBridge (and any other service moto emulates). */
    public static synchronized MotoServer moto() {
        if (moto == null) {
            moto = register(MotoServer::start);
        }
        return moto;
    }

    /** LocalS3, for S3 write throughput only: it does not enforce {@code If-None-Match} ({@link LocalS3Server}). */
    public static synchronized LocalS3Server localS3() {
        if (localS3 == null) {
            localS3 = register(LocalS3Server::start);
        }
        return localS3;
    }

    /**
     * An S3-speaking emulator chosen by name, for benchmarks: {@code s3mock} (S3Mock, what the tests use),
     * {@code moto} (moto_server) or {@code locals3} (LocalS3, fastest, no conditional writes). S3Mock 4.12 serialises
     * every PutObject behind one lock and rewrites its key index on each write, so it slows as a bucket grows; moto
     * keeps its rate; LocalS3 is ~3-4x faster than moto but overwrites where S3 answers 412.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Emulator s3Backend(String name) {
        return switch (name) {
            case "s3mock" -> s3();
            case "moto" -> moto();
            case "locals3" -> localS3();
            default ->
                throw new IllegalArgumentException("S3 backend must be s3mock, moto or locals3, not '" + name + "'");
        };
    }

    private static <E extends Emulator> E register(Supplier<E> starter) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Emulators::stopAll, "testkit-emulators-stop"));
            hookInstalled = true;
        }
        E emulator = starter.get();
        STARTED.push(emulator);
        return emulator;
    }

    /** Stops every shared emulator, most recently started first. */
    private static synchronized void stopAll() {
        while (!STARTED.isEmpty()) {
            Emulator emulator = STARTED.pop();
            try {
                emulator.close();
            } catch (RuntimeException e) {
                System.err.println("testkit: could not stop " + emulator + ": " + e);
            }
        }
    }
}
