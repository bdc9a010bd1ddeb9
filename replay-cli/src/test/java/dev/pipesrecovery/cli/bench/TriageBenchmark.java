package dev.pipesrecovery.cli.bench;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ConsumerStage;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code pipes-replay triage} at volume: N archived records of one consumer (as the report benchmark writes them) and M
 * messages waiting in its DLQ. Counts the calls triage makes per service (through testkit proxies: they must not grow
 * with the DLQ, and no message may be received) and times it against the archive emulator's ceiling in the same run,
 * the bare listing of the same records. replay-cli/README.md "Triage benchmark" has the command.
 */
public final class TriageBenchmark {

    private static final String ARCHIVE = System.getProperty("bench.archive", "moto");

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path work = Files.createTempDirectory("pipes-replay-triage-bench");
        System.out.printf(
                Locale.ROOT,
                "pipes-replay triage benchmark: %,d archived records, %,d DLQ messages, archive " + "on %s%n",
                records,
                messages,
                ARCHIVE);
        try (Archive archive = new Archive(Emulators.s3Backend(ARCHIVE));
                ConsumerStage stage = new ConsumerStage("orders-api", 3600)) {
            ReportBenchmark.fill(archive, records);
            for (int i = 0; i < messages; i++) {
                stage.sendToDlq(stage.dlqBody(Instant.now().minus(Duration.ofHours(2)), "49650000000000000000" + i));
            }
            try (FaultInjectingProxy s3 = FaultInjectingProxy.inFrontOf(Emulators.s3Backend(ARCHIVE));
                    FaultInjectingProxy sqs = FaultInjectingProxy.inFrontOf(Emulators.sqs());
                    FaultInjectingProxy moto = FaultInjectingProxy.inFrontOf(Emulators.moto());
                    FaultInjectingProxy kinesis = FaultInjectingProxy.inFrontOf(Emulators.kinesis());
                    ServiceEndpoints counted =
                            endpoints(s3.endpoint(), sqs.endpoint(), moto.endpoint(), kinesis.endpoint())) {
                triage(archive, work, records);
                long aws = sqs.requests().size()
                        + moto.requests().size()
                        + kinesis.requests().size();
                long receives = sqs.requests().stream()
                        .filter(r -> "AmazonSQS.ReceiveMessage".equals(r.target()))
                        .count();
                System.out.printf(
                        Locale.ROOT,
                        "  requests   S3 %,d (LIST pages and marker GETs) = %.4f per archived "
                                + "record; Pipes, SQS, Kinesis and CloudWatch %d in all (%d ReceiveMessage) for %,d DLQ "
                                + "messages%n",
                        s3.requests().size(),
                        s3.requests().size() / (double) records,
                        aws,
                        receives,
                        messages);
            }
            // timed without the proxies, right after the ceiling, on the same emulators
            long listStarted = System.nanoTime();
            long listed;
            try (Stream<ArchiveObject> listing = archive.store().list("orders-api/")) {
                listed = listing.count();
            }
            double ceiling = (System.nanoTime() - listStarted) / 1e9;
            try (ServiceEndpoints direct = endpoints(
                    Emulators.s3Backend(ARCHIVE).endpoint(),
                    Emulators.sqs().endpoint(),
                    Emulators.moto().endpoint(),
                    Emulators.kinesis().endpoint())) {
                long started = System.nanoTime();
                int exit = triage(archive, work, records);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "  ceiling    bare listing of the consumer's %,d keys: %.1f s (%,.0f " + "keys/s)%n",
                        listed,
                        ceiling,
                        listed / ceiling);
                System.out.printf(
                        Locale.ROOT,
                        "  triage     %.1f s = %.0f %% of the ceiling, exit %d%n",
                        seconds,
                        100 * ceiling / seconds,
                        exit);
            }
        }
        System.exit(0); // ElasticMQ's actor threads are not daemons: the JVM would wait for them forever
    }

    private static ServiceEndpoints endpoints(
            java.net.URI s3, java.net.URI sqs, java.net.URI moto, java.net.URI kinesis) {
        return new ServiceEndpoints()
                .put("S3", s3)
                .put("Sqs", sqs)
                .put("Pipes", moto)
                .put("CloudWatch", moto)
                .put("Kinesis", kinesis);
    }

    /** triage of orders-api since the records' first day; fails unless it counted every record. */
    private static int triage(Archive archive, Path work, int records) {
        Cli.Result result = new Cli(work, "--bucket", archive.bucket())
                .run("triage", "--consumer", "orders-api", "--since", "2026-11-21", "--state-dir", work.toString());
        if (!result.out().contains(String.format(Locale.ROOT, "%d record(s) arrived", records))) {
            throw new IllegalStateException("triage did not count the archive: " + result);
        }
        return result.exitCode();
    }
}
