package dev.pipesrecovery.cli.bench;

import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.ProxiedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Replays N archived 1 KiB events to a local HTTP sink with no rate limit, GETs only and on the default path (status
 * from the GET, tag written), with the real launcher in a child JVM ({@link ChildReplay}), and measures in the same
 * run the ceilings ({@link Ceilings}: the sink alone, the archive alone, GET then POST), with the CPU time per event
 * of each. Runs two sizes to show the heap does not grow with the number of objects, then replays the smaller size
 * once more through the testkit proxy to count the S3 requests per record by kind at the wire, then times
 * {@code bin/pipes-replay --help}. See replay-cli/README.md "Benchmark" for the command.
 */
public final class ReplayBenchmark {

    /** {@code -Dbench.archive=locals3} (default) or {@code s3mock} or {@code moto}: see {@link Emulators#s3Backend}. */
    private static final String ARCHIVE = System.getProperty("bench.archive", "locals3");

    /**
     * {@code -Dbench.sinkLatencyMs=20}: the sink answers each request that much later, as a partner API across a
     * network does; 0 (default) answers at once, and the run is bound by the machine's CPU.
     */
    private static final long SINK_LATENCY_MS = Long.getLong("bench.sinkLatencyMs", 0);

    private static final int CONCURRENCY = 8;
    private static final int KEYS = 2_000;

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int small = args.length > 1 ? Integer.parseInt(args[1]) : large / 4;
        Path work = Files.createTempDirectory("pipes-replay-bench");
        byte[] event = event();
        System.out.printf(
                Locale.ROOT,
                "pipes-replay benchmark: %d and %d events of %d bytes, %d partition keys, "
                        + "concurrency %d, no rate limit, default path (--status pending --on-success tag), archive on %s, "
                        + "sink answering after %d ms%n",
                small,
                large,
                event.length,
                KEYS,
                CONCURRENCY,
                ARCHIVE,
                SINK_LATENCY_MS);
        // the sink: the partner API answering 204 to everything (after SINK_LATENCY_MS), keeping nothing
        try (PartnerApi sink = PartnerApi.start(0, request -> answerAfterLatency())) {
            for (int size : new int[] {small, large}) {
                try (Archive archive = new Archive(Emulators.s3Backend(ARCHIVE))) {
                    List<String> keys = fill(archive, size, event);
                    Ceilings.Rate sinkAlone = Ceilings.sinkAlone(sink.url("/events"), event, size, CONCURRENCY);
                    Ceilings.Rate archiveAlone = Ceilings.archiveAlone(archive.store(), keys, CONCURRENCY);
                    Ceilings.Rate listAndGet = Ceilings.archiveListAndGet(archive.store(), "bench/", size, CONCURRENCY);
                    Ceilings.Rate getThenPost =
                            Ceilings.getThenPost(archive.store(), keys, sink.url("/events"), CONCURRENCY);
                    ChildReplay.Result getsOnly = ChildReplay.run(
                            archive.endpoint(),
                            archive.bucket(),
                            sink.url("/events"),
                            CONCURRENCY,
                            work.resolve("gets-only-" + size),
                            "--status",
                            "all",
                            "--on-success",
                            "keep");
                    ChildReplay.Result run = ChildReplay.run(
                            archive.endpoint(),
                            archive.bucket(),
                            sink.url("/events"),
                            CONCURRENCY,
                            work.resolve("run-" + size));
                    // after the replays: it tags every object, and the default path selects untagged ones
                    Ceilings.Rate getAndTag = Ceilings.archiveGetAndTag(archive.store(), keys, CONCURRENCY);
                    System.out.printf(Locale.ROOT, "%n%,d events (load average %s)%n", size, loadAverage());
                    print("sink alone (POST loop)", sinkAlone);
                    print("archive alone (GETs only)", archiveAlone);
                    print("archive listing + GETs", listAndGet);
                    print("archive GET + tag write", getAndTag);
                    print("GET then POST, per thread", getThenPost);
                    print(
                            "replay, GETs only (--status all --on-success keep)",
                            getsOnly,
                            sinkAlone,
                            archiveAlone,
                            "min(sink, GETs)",
                            getThenPost.perSecond());
                    print(
                            "replay, default path (status from the GET, tag written)",
                            run,
                            sinkAlone,
                            getAndTag,
                            "min(sink, GET + tag write)",
                            getThenPost.perSecond());
                    requireAll(getsOnly, size);
                    requireAll(run, size);
                }
            }
            countAtTheWire(sink, small, event, work);
        }
        helpWallTime();
        // LocalS3's Netty threads are not daemons: exiting runs the testkit's shutdown hook, which stops it
        System.exit(0);
    }

    private static PartnerApi.Answer answerAfterLatency() {
        try {
            Thread.sleep(SINK_LATENCY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return PartnerApi.Answer.of(204);
    }

    /** The same replay behind the testkit proxy, whose request log (not the CLI's own counters) is tallied. */
    private static void countAtTheWire(PartnerApi sink, int size, byte[] event, Path work) throws Exception {
        try (Archive archive = new Archive(Emulators.s3Backend(ARCHIVE))) {
            fill(archive, size, event);
            try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(URI.create(archive.endpoint()))) {
                ChildReplay.Result run = ChildReplay.run(
                        proxy.endpoint().toString(),
                        archive.bucket(),
                        sink.url("/events"),
                        CONCURRENCY,
                        work.resolve("counted-" + size));
                requireAll(run, size);
                Map<String, Long> byKind = new TreeMap<>(proxy.requests().stream()
                        .collect(Collectors.groupingBy(ProxiedRequest::s3Operation, Collectors.counting())));
                long total = byKind.values().stream().mapToLong(Long::longValue).sum();
                System.out.printf(
                        Locale.ROOT,
                        "%nS3 requests of the replay of %,d events, counted at the wire "
                                + "(testkit proxy), %,d partition keys%n",
                        size,
                        KEYS);
                byKind.forEach((kind, count) -> System.out.printf(
                        Locale.ROOT, "  %-20s %,8d = %.3f per record%n", kind, count, (double) count / size));
                System.out.printf(
                        Locale.ROOT,
                        "  %-20s %,8d = %.3f per record (bar: <= 2)%n",
                        "all",
                        total,
                        (double) total / size);
            }
        }
    }

    private static void print(String what, Ceilings.Rate ceiling) {
        System.out.printf(
                Locale.ROOT,
                "  %-32s %,7.0f events/s   CPU %,5.0f us/event (clients and servers) = %.1f of %d cores busy%n",
                what,
                ceiling.perSecond(),
                ceiling.cpuMicrosPerEvent(),
                ceiling.perSecond() * ceiling.cpuMicrosPerEvent() / 1e6,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * A replay against the bar, min(sink, archive), and against what a replay with no cost of its own could
     * reach when, as here, both halves share one machine's CPU: each ceiling keeps the cores busy alone, so doing both
     * halves per event costs about the sum of their CPU per event, and the rate is about 1 / (1/sink + 1/archive)
     * (approximate: the halves share some wake-ups, so GET then POST can beat it). That bound reaches 70 % of
     * min(sink, archive) only when one ceiling is at least 7/3 of the other.
     */
    private static void print(
            String what,
            ChildReplay.Result run,
            Ceilings.Rate sink,
            Ceilings.Rate archive,
            String ceilingName,
            double getThenPost) {
        double ceiling = Math.min(sink.perSecond(), archive.perSecond());
        double bothHalves = 1 / (1 / sink.perSecond() + 1 / archive.perSecond());
        print(what, run, ceiling, ceilingName, getThenPost);
        System.out.printf(
                Locale.ROOT,
                "    both halves on the same CPU, no cost of the replay's own: %,.0f events/s = %.0f %% of %s; "
                        + "the replay reached %.0f %% of that%n",
                bothHalves,
                100 * bothHalves / ceiling,
                ceilingName,
                100 * run.perSecond() / bothHalves);
    }

    private static void print(
            String what, ChildReplay.Result run, double ceiling, String ceilingName, double getThenPost) {
        System.out.printf(
                Locale.ROOT,
                "  %s%n    %,10.0f events/s = %.0f %% of %s (bar: >= 70 %%), %.0f %% of GET then POST; "
                        + "latency per event p50 %.1f ms, p99 %.1f ms%n"
                        + "    CPU %,.0f us/event in the replay JVM (start to exit) + %,.0f us/event in the archive "
                        + "and sink; "
                        + "heap peak used %.1f MB, peak retained after full GC %.1f MB (-Xmx%s)%n",
                what,
                run.perSecond(),
                100 * run.perSecond() / ceiling,
                ceilingName,
                100 * run.perSecond() / getThenPost,
                run.p50(),
                run.p99(),
                run.cpuMicrosPerEvent(),
                run.serverCpuMicrosPerEvent(),
                run.peakUsedMb(),
                run.peakLiveMb(),
                run.xmx());
    }

    /** The machine's 1-minute load average: the benchmark shares its 2 cores with other builds. */
    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    private static void requireAll(ChildReplay.Result run, int size) {
        if (run.delivered() != size) {
            throw new IllegalStateException("delivered " + run.delivered() + " of " + size);
        }
    }

    private static byte[] event() {
        StringBuilder json = new StringBuilder("{\"type\":\"OrderPlaced\",\"pad\":\"");
        while (json.length() < 1024 - 2) {
            json.append('x');
        }
        return json.append("\"}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> fill(Archive archive, int size, byte[] event) {
        List<String> keys = new ArrayList<>(size);
        Instant t0 = Instant.parse("2026-11-21T22:00:00Z");
        List<Thread> writers = new ArrayList<>();
        String[] slots = new String[size];
        for (int w = 0; w < 8; w++) {
            int offset = w;
            Thread writer = new Thread(() -> {
                for (int i = offset; i < size; i += 8) {
                    slots[i] = archive.put("bench", "key-" + (i % KEYS), t0.plusMillis(i), event);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        keys.addAll(Arrays.asList(slots));
        return keys;
    }

    private static void helpWallTime() throws Exception {
        Path launcher = ChildReplay.LAUNCHER;
        new ProcessBuilder(launcher.toString(), "--help")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor(); // builds the jar / CDS if needed
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            new ProcessBuilder(launcher.toString(), "--help")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            times.add((System.nanoTime() - started) / 1e9);
        }
        times.sort(Double::compare);
        System.out.printf(
                Locale.ROOT,
                "%nbin/pipes-replay --help wall time: median %.2f s, best %.2f s (bar: < 0.6 s)%n",
                times.get(2),
                times.get(0));
    }
}
