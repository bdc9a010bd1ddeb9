package dev.pipesrecovery.replay.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The input of a replay state machine execution (cloudformation/replay.yaml): which run, the total rate shared by
 * {@code concurrency} workers, and the tolerated failures. A null tolerance leaves the stack's default. The state
 * machine derives the plan's and the report's keys from {@code runId} under the stack's own bucket and prefix;
 * {@code bucket}, {@code prefix} and {@code planKey} say where this CLI put them, for the execution's history.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "runId",
    "bucket",
    "prefix",
    "planKey",
    "rate",
    "concurrency",
    "toleratedFailurePercentage",
    "toleratedFailureCount"
})
public record ManagedRunInput(
        String runId,
        String bucket,
        String prefix,
        String planKey,
        double rate,
        int concurrency,
        Integer toleratedFailurePercentage,
        Integer toleratedFailureCount) {

    public ManagedRunInput {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(planKey, "planKey");
        if (rate < 0 || concurrency < 1) {
            throw new IllegalArgumentException("--rate must be >= 0 and --concurrency >= 1");
        }
        if (toleratedFailurePercentage != null
                && (toleratedFailurePercentage < 0 || toleratedFailurePercentage > 100)) {
            throw new IllegalArgumentException("--tolerated-failure-percentage must be 0-100");
        }
        if (toleratedFailureCount != null && toleratedFailureCount < 0) {
            throw new IllegalArgumentException("--tolerated-failure-count must be >= 0");
        }
    }

    /** Each worker's share of the rate (0: unlimited), as the worker's token bucket applies it. */
    public double ratePerWorker() {
        return rate / concurrency;
    }
}
