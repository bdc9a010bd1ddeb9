package dev.pipesrecovery.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.PipesReplayCommand;
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

    /** What one replay run gave. */
    record Result(
            double perSecond,
            double p50,
            double p99,
            long delivered,
            double peakUsedMb,
            double peakLiveMb,
            String xmx) {}

    static final String XMX = "64m";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private ChildReplay() {}

    /** @param extra options after the default ones, e.g. {@code --status all --on-success keep} (GETs only) */
    static Result run(String s3Endpoint, String bucket, String url, int concurrency, Path state, String... extra)
            throws Exception {
        Files.createDirectories(state);
        Path gcLog = state.resolve("gc.log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + XMX,
                "-XX:+UseSerialGC",
                "-Dhttp.maxConnections=64",
                "-Xlog:gc:file=" + gcLog,
                "-cp",
                System.getProperty("java.class.path"),
                PipesReplayCommand.class.getName(),
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
                        s3Endpoint));
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
        return new Result(
                summary.path("achievedPerSecond").asDouble(),
                summary.path("latencyP50Millis").asDouble(),
                summary.path("latencyP99Millis").asDouble(),
                summary.path("delivered").asLong(),
                peakUsed,
                peakLive,
                XMX);
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
