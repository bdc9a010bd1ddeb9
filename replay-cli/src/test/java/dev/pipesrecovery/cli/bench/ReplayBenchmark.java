package dev.pipesrecovery.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.PipesReplayCommand;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.PartnerApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays N archived 1 KiB events from S3Mock to a local HTTP sink with no rate limit, with the real CLI in a child
 * JVM (its GC log gives the heap), and measures in the same run the sink alone and the archive alone (the ceilings).
 * Runs two sizes to show the heap does not grow with the number of objects, then times {@code bin/pipes-replay --help}.
 * See replay-cli/README.md "Benchmark" for the command.
 */
public final class ReplayBenchmark {

    /** {@code -Dbench.archive=s3mock} (default) or {@code moto}: see {@link Emulators#s3Backend}. */
    private static final String ARCHIVE = System.getProperty("bench.archive", "s3mock");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final int CONCURRENCY = 8;
    private static final int KEYS = 2_000;

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int small = args.length > 1 ? Integer.parseInt(args[1]) : large / 4;
        Path work = Files.createTempDirectory("pipes-replay-bench");
        byte[] event = event();
        System.out.printf(Locale.ROOT, "pipes-replay benchmark: %d and %d events of %d bytes, %d partition keys, "
                + "concurrency %d, no rate limit, --on-success keep --status all, archive on %s%n", small, large,
                event.length, KEYS, CONCURRENCY, ARCHIVE);
        // the sink: the partner API answering 204 to everything, keeping nothing
        try (PartnerApi sink = PartnerApi.start(0, request -> PartnerApi.Answer.of(204))) {
            for (int size : new int[] {small, large}) {
                try (Archive archive = new Archive(Emulators.s3Backend(ARCHIVE))) {
                    List<String> keys = fill(archive, size, event);
                    double sinkAlone = Ceilings.sinkAlone(sink.url("/events"), event, size, CONCURRENCY);
                    double archiveAlone = Ceilings.archiveAlone(archive.store(), keys, CONCURRENCY);
                    double listAndGet = Ceilings.archiveListAndGet(archive.store(), "bench/", size, CONCURRENCY);
                    Run run = replay(archive, sink.url("/events"), work.resolve("run-" + size));
                    double ceiling = Math.min(sinkAlone, archiveAlone);
                    System.out.printf(Locale.ROOT, "%n%,d events%n", size);
                    System.out.printf(Locale.ROOT, "  sink alone (POST loop)      %,10.0f events/s%n", sinkAlone);
                    System.out.printf(Locale.ROOT, "  archive alone (GETs only)   %,10.0f events/s%n", archiveAlone);
                    System.out.printf(Locale.ROOT, "  archive listing + GETs      %,10.0f events/s%n", listAndGet);
                    System.out.printf(Locale.ROOT, "  replay (pipes-replay)       %,10.0f events/s  = %.0f %% of the "
                            + "lower ceiling (bar: >= 70 %%), %.0f %% of min(sink, listing + GETs)%n", run.perSecond,
                            100 * run.perSecond / ceiling, 100 * run.perSecond / Math.min(sinkAlone, listAndGet));
                    System.out.printf(Locale.ROOT, "  latency per event           p50 %.1f ms, p99 %.1f ms%n", run.p50,
                            run.p99);
                    System.out.printf(Locale.ROOT, "  replay JVM heap             peak used %.1f MB, peak retained after "
                            + "full GC %.1f MB (-Xmx%s)%n", run.peakUsedMb, run.peakLiveMb, run.xmx);
                    if (run.delivered != size) {
                        throw new IllegalStateException("delivered " + run.delivered + " of " + size);
                    }
                }
            }
        }
        helpWallTime();
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

    private record Run(double perSecond, double p50, double p99, long delivered, double peakUsedMb, double peakLiveMb,
                       String xmx) {
    }

    /** The CLI in a child JVM, as an SRE runs it; its GC log gives the heap figures. */
    private static Run replay(Archive archive, String url, Path state) throws Exception {
        Files.createDirectories(state);
        Path gcLog = state.resolve("gc.log");
        String xmx = "64m";
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + xmx, "-XX:+UseSerialGC", "-Dhttp.maxConnections=64", "-Xlog:gc:file=" + gcLog,
                "-cp", System.getProperty("java.class.path"),
                PipesReplayCommand.class.getName(), "replay", "--bucket", archive.bucket(), "--consumer", "bench",
                "--status", "all", "--target", "http", "--url", url, "--rate", "0", "--concurrency",
                String.valueOf(CONCURRENCY), "--on-success", "keep", "--yes", "--format", "json", "--state-dir",
                state.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(state.resolve("stderr.log").toFile());
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_S3", archive.endpoint()));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("replay exited " + process.exitValue() + ": " + new String(out) + "\n"
                    + Files.readString(state.resolve("stderr.log")));
        }
        JsonNode summary = MAPPER.readTree(out).path("summary");
        double peakUsed = 0;
        double peakLive = 0; // after full collections only: what is really retained
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peakUsed = Math.max(peakUsed, mb(m.group(1), m.group(2)));
                if (line.contains("Pause Full")) {
                    peakLive = Math.max(peakLive, mb(m.group(3), m.group(4)));
                }
            }
        }
        return new Run(summary.path("achievedPerSecond").asDouble(), summary.path("latencyP50Millis").asDouble(),
                summary.path("latencyP99Millis").asDouble(), summary.path("delivered").asLong(), peakUsed, peakLive,
                xmx);
    }

    private static double mb(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> number / 1024;
            case "G" -> number * 1024;
            default -> number;
        };
    }

    private static void helpWallTime() throws Exception {
        Path launcher = Path.of(System.getProperty("pipesrecovery.root", "..")).toAbsolutePath().normalize()
                .resolve("bin/pipes-replay");
        new ProcessBuilder(launcher.toString(), "--help").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(); // builds the jar / CDS if needed
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            new ProcessBuilder(launcher.toString(), "--help").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            times.add((System.nanoTime() - started) / 1e9);
        }
        times.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%nbin/pipes-replay --help wall time: median %.2f s, best %.2f s (bar: < 0.6 s)%n",
                times.get(2), times.get(0));
    }
}
