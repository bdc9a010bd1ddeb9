package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.sandbox.pipe.PipeParameters;
import dev.pipesrecovery.sandbox.pipe.PipeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers a rehearsal takes from the deployment: the pipe's settings and the hydrate mapping's
 * ({@code DlqMaxReceiveCount}, {@code HydrateBatchSize}, {@code HydrateMaximumBatchingWindowInSeconds},
 * {@code HydrateMaximumConcurrency}) from
 * {@code cloudformation/pipe.yaml}'s defaults overlaid with an example parameter file, and the hydrate function's
 * ({@code ArchivePrefix}, {@code WriteParallelism}, {@code KinesisMaxReadsPerSecond}) from {@code recovery.yaml}
 * overlaid with {@code examples/recovery.json}. Timings that would make a rehearsal last hours (retry backoff,
 * visibility timeout) are compressed locally instead (see {@link RehearsalTiming}).
 */
public record RehearsalSettings(
        PipeSettings pipe,
        int dlqMaxReceiveCount,
        int hydrateBatchSize,
        int hydrateBatchingWindowSeconds,
        int hydrateMaximumConcurrency,
        String archivePrefix,
        int writeParallelism,
        int kinesisMaxReadsPerSecond,
        Path pipeTemplate,
        Path parameterFile) {

    /** The example the demo rehearses: the README's orders pipe. */
    public static final String DEFAULT_EXAMPLE = "cloudformation/examples/orders-api.json";

    public static final String RECOVERY_EXAMPLE = "cloudformation/examples/recovery.json";
    public static final String ROOT_PROPERTY = "pipesrecovery.root";

    public RehearsalSettings {
        Objects.requireNonNull(pipe, "pipe");
        Objects.requireNonNull(pipeTemplate, "pipeTemplate");
    }

    /** @param parameterFile relative to the repository root or absolute; null for the defaults alone */
    public static RehearsalSettings load(Path parameterFile) {
        Path root = repoRoot();
        Path template = root.resolve("cloudformation/pipe.yaml");
        Path parameters = parameterFile == null ? null : root.resolve(parameterFile);
        Map<String, String> values = PipeParameters.resolve(template, parameters);
        Map<String, String> recovery =
                PipeParameters.resolve(root.resolve("cloudformation/recovery.yaml"), root.resolve(RECOVERY_EXAMPLE));
        return new RehearsalSettings(
                PipeSettings.fromParameters(values),
                integer(values, "DlqMaxReceiveCount", 5),
                integer(values, "HydrateBatchSize", 10),
                integer(values, "HydrateMaximumBatchingWindowInSeconds", 0),
                integer(values, "HydrateMaximumConcurrency", 2),
                recovery.getOrDefault("ArchivePrefix", ""),
                integer(recovery, "WriteParallelism", 16),
                integer(recovery, "KinesisMaxReadsPerSecond", 2),
                template,
                parameters);
    }

    public RehearsalSettings withPipe(PipeSettings newPipe) {
        return new RehearsalSettings(
                newPipe,
                dlqMaxReceiveCount,
                hydrateBatchSize,
                hydrateBatchingWindowSeconds,
                hydrateMaximumConcurrency,
                archivePrefix,
                writeParallelism,
                kinesisMaxReadsPerSecond,
                pipeTemplate,
                parameterFile);
    }

    /** Where the numbers came from, for the demo's first lines. */
    public String describe() {
        PipeSettings p = pipe;
        return "settings from " + pipeTemplate.getFileName()
                + (parameterFile == null ? "" : " + " + parameterFile.getFileName())
                + ": BatchSize=" + p.batchSize() + " MaximumRetryAttempts=" + p.maximumRetryAttempts()
                + " MaximumRecordAgeInSeconds=" + p.maximumRecordAgeInSeconds()
                + " OnPartialBatchItemFailure=" + (p.bisectOnFailure() ? "AUTOMATIC_BISECT" : "OFF")
                + " ParallelizationFactor=" + p.parallelizationFactor() + " StartingPosition=" + p.startingPosition()
                + " InputTemplate=" + p.inputTemplate() + " DlqMaxReceiveCount=" + dlqMaxReceiveCount
                + " HydrateBatchSize=" + hydrateBatchSize + " HydrateMaximumBatchingWindowInSeconds="
                + hydrateBatchingWindowSeconds + "; recovery.yaml + "
                + Path.of(RECOVERY_EXAMPLE).getFileName()
                + ": ArchivePrefix=" + archivePrefix + " WriteParallelism=" + writeParallelism
                + " KinesisMaxReadsPerSecond=" + kinesisMaxReadsPerSecond;
    }

    /** The repository root: {@code -Dpipesrecovery.root}, else the nearest directory up with cloudformation/pipe.yaml. */
    public static Path repoRoot() {
        String explicit = System.getProperty(ROOT_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package-lock.json"))
                    && Files.isDirectory(dir.resolve("cloudformation"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the pipes-recovery repository (with cloudformation/) above "
                + start + "; run from inside it or set -D" + ROOT_PROPERTY);
    }

    private static int integer(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be an integer, was '" + value + "'", e);
        }
    }
}
