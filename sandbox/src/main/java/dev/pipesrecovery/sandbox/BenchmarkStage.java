package dev.pipesrecovery.sandbox;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** One stage of the benchmark: how many records it moved and how long it took. */
public record BenchmarkStage(String name, long records, Duration elapsed) {

    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    public double rate() {
        return records / Math.max(seconds(), 1e-9);
    }

    /** The figures: per stage, end to end, the slowest stage, and hydrate against the S3 write ceiling. */
    static String table(List<BenchmarkStage> stages, double ceilingPerSecond, long objectBytes) {
        StringBuilder out = new StringBuilder();
        String rule = "+--------------------------------+----------+----------+------------+\n";
        out.append(rule)
                .append(String.format("| %-30s | %8s | %8s | %10s |%n", "stage", "records", "seconds", "records/s"))
                .append(rule);
        for (BenchmarkStage stage : stages) {
            out.append(String.format(
                    "| %-30s | %8d | %8.1f | %10.0f |%n",
                    stage.name(), stage.records(), stage.seconds(), stage.rate()));
        }
        double total = stages.stream().mapToDouble(BenchmarkStage::seconds).sum();
        out.append(rule)
                .append(String.format("| %-30s | %8s | %8.1f | %10s |%n", "end to end", "", total, ""))
                .append(rule);
        BenchmarkStage slowest = stages.stream()
                .min(Comparator.comparingDouble(BenchmarkStage::rate))
                .orElseThrow();
        out.append(String.format("slowest stage: %s (%.0f records/s)%n", slowest.name(), slowest.rate()));
        stages.stream()
                .filter(s -> s.name().contains("hydrate"))
                .findFirst()
                .ifPresent(hydrate -> out.append(String.format(
                        "hydrate vs. ceiling: %.0f records/s vs. %.0f conditional PUTs/s of %d-byte objects"
                                + " straight into the S3 emulator = %.0f%% of what the emulator alone accepts%n",
                        hydrate.rate(), ceilingPerSecond, objectBytes, 100 * hydrate.rate() / ceilingPerSecond)));
        return out.toString();
    }
}
