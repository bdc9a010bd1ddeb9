package dev.pipesrecovery.cli.bench;

import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.replay.plan.standin.StandInStateMachine;
import dev.pipesrecovery.replay.target.aws.AwsTargets;
import dev.pipesrecovery.replay.target.aws.TargetSpec;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.ProxiedRequest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 12's Part B benchmark: the same archive (N events over K partition keys, 1 KiB each) replayed by the local
 * engine ({@code pipes-replay replay}) and as a managed run ({@code --engine stepfunctions}: the plan written to the
 * bucket, then every plan line through the real replay worker on the {@link StandInStateMachine}, the local
 * stand-in of the Distributed Map), both at concurrency 8 with no rate limit, to a sink that checks every key's
 * order and counts duplicates. Then both again on {@code counted} events over the same keys (the third argument, by
 * default N) behind the testkit proxy, to count the S3 requests per record by kind at the wire. See
 * replay-cli/README.md "Benchmark".
 */
public final class ManagedReplayBenchmark {

    private static final String ARCHIVE = System.getProperty("bench.archive", "locals3");
    private static final int CONCURRENCY = 8;
    private static final String CONSUMER = "bench";
    private static final Pattern KEY_AND_SEQ = Pattern.compile("\"key\":\"([^\"]+)\",\"seq\":(\\d+)");

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path work = Files.createTempDirectory("pipes-replay-managed-bench");
        System.out.printf(
                Locale.ROOT,
                "managed-replay benchmark: %,d events of 1 KiB over %,d partition keys, concurrency %d, no rate limit, "
                        + "archive on %s (load average %.1f)%n",
                events,
                keys,
                CONCURRENCY,
                ARCHIVE,
                loadAverage());
        OrderCheckingSink sink = new OrderCheckingSink();
        try (PartnerApi api = PartnerApi.start(0, sink::answer)) {
            URI url = URI.create(api.url("/events"));
            for (boolean managed : new boolean[] {false, true}) {
                try (Archive archive = new Archive(Emulators.s3Backend(ARCHIVE))) {
                    fill(archive, events, keys);
                    sink.reset();
                    Run run = replay(archive.endpoint(), archive, url, managed, work);
                    print(managed, run, sink, events);
                }
            }
            int counted = args.length > 2 ? Integer.parseInt(args[2]) : events;
            System.out.printf(
                    Locale.ROOT,
                    "%nS3 requests per replayed record, counted at the wire (testkit proxy), %,d events over %,d keys%n",
                    counted,
                    keys);
            for (boolean managed : new boolean[] {false, true}) {
                try (Archive archive = new Archive(Emulators.s3Backend(ARCHIVE));
                        FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(URI.create(archive.endpoint()))) {
                    fill(archive, counted, keys);
                    sink.reset();
                    replay(proxy.endpoint().toString(), archive, url, managed, work);
                    requireAll(sink, counted);
                    Map<String, Long> byKind = new TreeMap<>(proxy.requests().stream()
                            .collect(Collectors.groupingBy(ProxiedRequest::s3Operation, Collectors.counting())));
                    long total =
                            byKind.values().stream().mapToLong(Long::longValue).sum();
                    System.out.printf(
                            Locale.ROOT,
                            "  %-8s %.3f per record: %s%n",
                            managed ? "managed" : "local",
                            (double) total / counted,
                            byKind.entrySet().stream()
                                    .map(e -> String.format(
                                            Locale.ROOT, "%s %.3f", e.getKey(), (double) e.getValue() / counted))
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
        // LocalS3's Netty threads are not daemons: exiting runs the testkit's shutdown hook, which stops it
        System.exit(0);
    }

    private record Run(Duration took, StandInStateMachine.Run mapRun) {}

    /** One {@code pipes-replay replay} in this JVM, through its own command line and production wiring. */
    private static Run replay(String endpoint, Archive archive, URI url, boolean managed, Path work) {
        // the worker's own S3 client, on the same endpoint as the CLI's (the proxy counts both)
        S3Client workerS3 = LocalAws.s3(URI.create(endpoint));
        StandInStateMachine stateMachine = new StandInStateMachine(
                S3ArchiveStore.create(workerS3, archive.bucket()),
                new dev.pipesrecovery.archive.KeyLayout(""),
                new AwsTargets(AwsSettings.defaults().withRegion("us-east-1"), Clock.systemUTC(), c -> {})
                        .open(TargetSpec.Http.url(url)),
                CONSUMER,
                Duration.ofMinutes(14), // a 900 s function less its margin: the Map's children never loop here
                new PrintStream(OutputStream.nullOutputStream()));
        List<String> command = new ArrayList<>(List.of(
                "replay",
                "--bucket",
                archive.bucket(),
                "--region",
                "us-east-1",
                "--endpoint-url",
                endpoint,
                "--consumer",
                CONSUMER,
                "--target",
                "http",
                "--url",
                url.toString(),
                "--concurrency",
                Integer.toString(CONCURRENCY),
                "--rate",
                "0",
                "--yes",
                "--state-dir",
                work.resolve(managed ? "managed" : "local").toString()));
        if (managed) {
            command.addAll(List.of(
                    "--engine",
                    "stepfunctions",
                    "--state-machine",
                    "arn:aws:states:us-east-1:123456789012:stateMachine:bench-replay"));
        }
        long started = System.nanoTime();
        try (workerS3) {
            Cli.Result result = new Cli(work).withManagedRunsOn(stateMachine).run(command.toArray(String[]::new));
            if (result.exitCode() != 0) {
                throw new IllegalStateException("pipes-replay exited " + result.exitCode() + ": " + result.err());
            }
            return new Run(Duration.ofNanos(System.nanoTime() - started), stateMachine.lastRun());
        }
    }

    private static void print(boolean managed, Run run, OrderCheckingSink sink, int events) {
        requireAll(sink, events);
        double seconds = run.took().toNanos() / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  %-8s %,8.0f events/s (%.1f s from the command to its exit%s); delivered %,d, duplicates %,d, "
                        + "out of order per key %,d%n",
                managed ? "managed" : "local",
                events / seconds,
                seconds,
                managed && run.mapRun() != null
                        ? String.format(
                                Locale.ROOT,
                                ", of which the stand-in Map Run %.1f s: %d items, %d worker invocations, %d failed",
                                run.mapRun().took().toNanos() / 1e9,
                                run.mapRun().items(),
                                run.mapRun().result().invocations(),
                                run.mapRun().result().failures().size())
                        : "",
                sink.delivered.get(),
                sink.duplicates.get(),
                sink.outOfOrder.get());
    }

    private static void requireAll(OrderCheckingSink sink, int events) {
        if (sink.delivered.get() != events || sink.duplicates.get() != 0 || sink.outOfOrder.get() != 0) {
            throw new IllegalStateException("delivered " + sink.delivered.get() + " of " + events + ", duplicates "
                    + sink.duplicates.get() + ", out of order " + sink.outOfOrder.get());
        }
    }

    /** The partner API: 204 to everything, and per key the last sequence seen (events carry key and sequence). */
    private static final class OrderCheckingSink {
        private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong outOfOrder = new AtomicLong();

        PartnerApi.Answer answer(PartnerApi.Request request) {
            Matcher matcher = KEY_AND_SEQ.matcher(new String(request.body(), StandardCharsets.UTF_8));
            if (!matcher.find()) {
                throw new IllegalStateException("an event without key and sequence reached the sink");
            }
            long seq = Long.parseLong(matcher.group(2));
            Long before = lastSeq.put(matcher.group(1), seq);
            delivered.incrementAndGet();
            if (before != null && before == seq) {
                duplicates.incrementAndGet();
            } else if (before != null && before > seq) {
                outOfOrder.incrementAndGet();
            }
            return PartnerApi.Answer.of(204);
        }

        void reset() {
            lastSeq.clear();
            delivered.set(0);
            duplicates.set(0);
            outOfOrder.set(0);
        }
    }

    /** {@code events} events round-robin over {@code keys} keys, each key's sequence rising with its arrival. */
    private static void fill(Archive archive, int events, int keys) throws InterruptedException {
        Instant t0 = Instant.parse("2026-11-21T22:00:00Z");
        String pad = "x".repeat(960);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int offset = w;
            Thread writer = new Thread(() -> {
                for (int i = offset; i < events; i += 8) {
                    String key = "key-" + (i % keys);
                    String body = "{\"key\":\"" + key + "\",\"seq\":" + i + ",\"pad\":\"" + pad + "\"}";
                    archive.put(CONSUMER, key, t0.plusMillis(i), body);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
