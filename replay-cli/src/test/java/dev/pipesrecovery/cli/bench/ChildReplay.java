package dev.pipesrecovery.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pipes-replay replay} on its default path ({@code --status pending --on-success tag}) in a child JVM, as an
 * SRE runs it, with no rate limit; its GC log gives the heap figures and its JSON summary the rate and latency.
 */
final class ChildReplay {

    /**
     * What one replay run gave; {@code cpuMicrosPerEvent}: the child JVM's CPU time (start to exit, JIT included)
     * per delivered event, {@code serverCpuMicrosPerEvent}: this JVM's meanwhile (archive emulator and sink).
     */
    record Result(
            double perSecond,
            double p50,
            double p99,
            long delivered,
            double peakUsedMb,
            double peakLiveMb,
            String xmx,
            double cpuMicrosPerEvent,
            double serverCpuMicrosPerEvent) {}

    static final String XMX = "64m";
    /** bin/pipes-replay of the checkout (it builds the jar if the sources are newer). */
    static final Path LAUNCHER = Path.of(System.getProperty("pipesrecovery.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("bin/pipes-replay");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private ChildReplay() {}

    /** @param extra options after the default ones, e.g. {@code --status all --on-success keep} (GETs only) */
    static Result run(String s3Endpoint, String bucket, String url, int concurrency, Path state, String... extra)
            throws Exception {
        Files.createDirectories(state);
        Path gcLog = state.resolve("gc.log");
        // through the launcher an SRE runs (bin/pipes-replay: its JVM options, class-data archive and jar), with the
        // heap cap, the GC log and any -Dbench.replayJavaOpts in PIPES_REPLAY_JAVA_OPTS
        List<String> javaOpts = new ArrayList<>(List.of("-Xmx" + XMX, "-Xlog:gc:file=" + gcLog));
        // -Dbench.jfr=profile (or a .jfc file): a flight recording of the replay, where its time goes (README
        // "Benchmark")
        String jfr = System.getProperty("bench.jfr", "");
        if (!jfr.isBlank()) {
            javaOpts.add("-Xlog:jfr+startup=error"); // its "Started recording" line would precede the JSON
            javaOpts.add("-XX:StartFlightRecording=settings=" + jfr + ",filename=" + state.resolve("replay.jfr"));
            System.out.println("flight recording: " + state.resolve("replay.jfr"));
        }
        javaOpts.add(System.getProperty("bench.replayJavaOpts", ""));
        List<String> command = new ArrayList<>(List.of(
                LAUNCHER.toString(),
                "replay",
                "--bucket",
                bucket,
                "--consumer",
                "bench",
                "--target",
                "http",
                "--url",
                url,
                "--rate",
                "0",
                "--concurrency",
                String.valueOf(concurrency),
                "--yes",
                "--format",
                "json",
                "--state-dir",
                state.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(state.resolve("stderr.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test",
                        "AWS_REGION",
                        "us-east-1",
                        "AWS_ENDPOINT_URL_S3",
                        s3Endpoint,
                        "PIPES_REPLAY_JAVA_OPTS",
                        String.join(" ", javaOpts).strip()));
        long serverCpu = CpuTime.thisJvmNanos();
        Process process = builder.start();
        long[] childCpu = {0};
        Thread cpuSampler = new Thread(
                () -> { // the child's CPU time is gone once it has exited
                    while (process.isAlive()) {
                        childCpu[0] = Math.max(childCpu[0], CpuTime.processNanos(process.toHandle()));
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
        cpuSampler.setDaemon(true);
        cpuSampler.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("replay exited " + process.exitValue() + ": " + new String(out) + "\n"
                    + Files.readString(state.resolve("stderr.log")));
        }
        serverCpu = CpuTime.thisJvmNanos() - serverCpu;
        cpuSampler.join();
        JsonNode summary = MAPPER.readTree(out).path("summary");
        long delivered = Math.max(1, summary.path("delivered").asLong());
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
        return new Result(
                summary.path("achievedPerSecond").asDouble(),
                summary.path("latencyP50Millis").asDouble(),
                summary.path("latencyP99Millis").asDouble(),
                summary.path("delivered").asLong(),
                peakUsed,
                peakLive,
                XMX,
                childCpu[0] / 1e3 / delivered,
                serverCpu / 1e3 / delivered);
    }

    private static double mb(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> number / 1024;
            case "G" -> number * 1024;
            default -> number;
        };
    }
}
