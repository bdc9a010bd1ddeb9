package dev.pipesrecovery.sandbox.pipe;

import dev.pipesrecovery.consumer.ConsumerName;
import java.util.Map;
import java.util.Objects;

/**
 * The pipe's source and target settings as deployed: the values of {@code cloudformation/pipe.yaml}'s parameters
 * (see {@link PipeParameters}). Semantics: docs/aws-facts.md §2.1, API_PipeSourceKinesisStreamParameters.
 *
 * @param maximumRetryAttempts      -1 = retry until the record expires
 * @param maximumRecordAgeInSeconds -1 = never discard old records
 * @param bisectOnFailure           {@code OnPartialBatchItemFailure: AUTOMATIC_BISECT}
 * @param inputTemplate             empty = send the source event as it is
 * @param idempotencyKeyHeaderValue value (or {@code $.} JSON path into the event) of an {@code Idempotency-Key}
 *                                  header, as the pipe's {@code HttpParameters.HeaderParameters}; empty for none
 */
public record PipeSettings(
        String pipeName,
        String streamName,
        int batchSize,
        int maximumRetryAttempts,
        long maximumRecordAgeInSeconds,
        boolean bisectOnFailure,
        int parallelizationFactor,
        String startingPosition,
        String inputTemplate,
        String idempotencyKeyHeaderValue) {

    public PipeSettings {
        Objects.requireNonNull(pipeName, "pipeName");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(startingPosition, "startingPosition");
        Objects.requireNonNull(inputTemplate, "inputTemplate");
        Objects.requireNonNull(idempotencyKeyHeaderValue, "idempotencyKeyHeaderValue");
        // the pipe name is the consumer: its DLQ messages are archived under it
        ConsumerName.problem(pipeName).ifPresent(problem -> {
            throw new IllegalArgumentException("PipeName: " + problem);
        });
        check(batchSize >= 1 && batchSize <= 10_000, "BatchSize must be 1-10000, was " + batchSize);
        check(
                maximumRetryAttempts >= -1 && maximumRetryAttempts <= 10_000,
                "MaximumRetryAttempts must be -1-10000, was " + maximumRetryAttempts);
        check(
                maximumRecordAgeInSeconds == -1
                        || (maximumRecordAgeInSeconds >= 60 && maximumRecordAgeInSeconds <= 604_800),
                "MaximumRecordAgeInSeconds must be -1 or 60-604800, was " + maximumRecordAgeInSeconds);
        check(
                parallelizationFactor >= 1 && parallelizationFactor <= 10,
                "ParallelizationFactor must be 1-10, was " + parallelizationFactor);
        check(
                startingPosition.equals("TRIM_HORIZON") || startingPosition.equals("LATEST"),
                "StartingPosition must be TRIM_HORIZON or LATEST for the stand-in, was " + startingPosition);
    }

    /** Reads the settings from resolved template parameters; names are pipe.yaml's parameter names. */
    public static PipeSettings fromParameters(Map<String, String> parameters) {
        return new PipeSettings(
                required(parameters, "PipeName"),
                required(parameters, "StreamName"),
                integer(parameters, "BatchSize"),
                integer(parameters, "MaximumRetryAttempts"),
                integer(parameters, "MaximumRecordAgeInSeconds"),
                "AUTOMATIC_BISECT".equals(parameters.getOrDefault("OnPartialBatchItemFailure", "")),
                integer(parameters, "ParallelizationFactor"),
                required(parameters, "StartingPosition"),
                parameters.getOrDefault("InputTemplate", ""),
                parameters.getOrDefault("IdempotencyKeyHeaderValue", ""));
    }

    /** The same pipe, with a different name and stream (a sandbox scenario runs its own). */
    public PipeSettings forPipe(String newPipeName, String newStreamName) {
        return new PipeSettings(
                newPipeName,
                newStreamName,
                batchSize,
                maximumRetryAttempts,
                maximumRecordAgeInSeconds,
                bisectOnFailure,
                parallelizationFactor,
                startingPosition,
                inputTemplate,
                idempotencyKeyHeaderValue);
    }

    public PipeSettings withRetries(int newMaximumRetryAttempts) {
        return new PipeSettings(
                pipeName,
                streamName,
                batchSize,
                newMaximumRetryAttempts,
                maximumRecordAgeInSeconds,
                bisectOnFailure,
                parallelizationFactor,
                startingPosition,
                inputTemplate,
                idempotencyKeyHeaderValue);
    }

    public PipeSettings withBatchSize(int newBatchSize) {
        return new PipeSettings(
                pipeName,
                streamName,
                newBatchSize,
                maximumRetryAttempts,
                maximumRecordAgeInSeconds,
                bisectOnFailure,
                parallelizationFactor,
                startingPosition,
                inputTemplate,
                idempotencyKeyHeaderValue);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("pipe parameter " + name + " has no value (no Default in pipe.yaml and"
                    + " none in the parameter file)");
        }
        return value;
    }

    private static int integer(Map<String, String> parameters, String name) {
        String value = required(parameters, name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "pipe parameter " + name + " must be an integer, was '" + value + "'", e);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
