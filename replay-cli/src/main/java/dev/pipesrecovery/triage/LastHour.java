package dev.pipesrecovery.triage;

import java.time.Duration;

/**
 * The last hour of the hydrate function's metrics for one consumer (namespace {@code PipesRecovery}, dimension
 * {@code Consumer}) and of the pipe's own ({@code AWS/EventBridge/Pipes}, dimension {@code PipeName}). A null count
 * means CloudWatch has no datapoint: the hydrate function emits every count on each invocation that handled a message
 * of the consumer, so no datapoint means no such invocation, and a pipe publishes its failure counts only when they
 * happen (both best effort, a few minutes late).
 *
 * @param minHeadroom the lowest {@code RetentionHeadroomSeconds}, or null
 */
public record LastHour(
        Long dlqMessagesReceived,
        Long recordsArchived,
        Long recordsLost,
        Long hydrateFailures,
        Duration minHeadroom,
        Long pipeExecutionFailed,
        Long pipeTargetStageFailed) {

    public boolean hydrateRan() {
        return dlqMessagesReceived != null;
    }

    static long count(Long value) {
        return value == null ? 0 : value;
    }
}
