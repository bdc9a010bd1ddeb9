package dev.pipesrecovery.replay.state.sfn;

import dev.pipesrecovery.triage.aws.FailureReason;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.MapRunItemCounts;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;

/**
 * What Step Functions says about a managed run's execution: its status (DescribeExecution) and its Distributed
 * Map's item counts (ListMapRuns, then DescribeMapRun on the first Map Run). Each part that cannot be read is an
 * "unknown: why" and the rest is still given.
 * <a href="https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html">DescribeMapRun</a>
 */
public final class StepFunctionsRunStatus {

    /** The Map Run's items (each a key or a key chunk of the plan) by where they stand. */
    public record Items(
            long total, long pending, long running, long succeeded, long failed, long timedOut, long aborted) {

        /** Items that ended without success: failed, timed out or aborted. */
        public long unsuccessful() {
            return failed + timedOut + aborted;
        }
    }

    /**
     * @param status        RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE; null when unknown
     * @param statusUnknown why the status is not known, or null
     * @param mapRunArn     null when no Map Run is known (not started yet, or the listing failed)
     * @param items         null when unknown ({@code itemsUnknown} says why)
     */
    public record Execution(
            String executionArn,
            String status,
            String statusUnknown,
            String mapRunArn,
            Items items,
            String itemsUnknown) {

        /**
         * The execution ended badly, in a status RedriveExecution accepts
         * (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html).
         */
        public boolean redrivable() {
            return "FAILED".equals(status) || "TIMED_OUT".equals(status) || "ABORTED".equals(status);
        }
    }

    private final SfnClient sfn;
    private final FailureReason reason;

    public StepFunctionsRunStatus(SfnClient sfn, FailureReason reason) {
        this.sfn = sfn;
        this.reason = reason;
    }

    public Execution describe(String executionArn) {
        String status = null;
        String statusUnknown = null;
        try {
            status = sfn.describeExecution(b -> b.executionArn(executionArn)).statusAsString();
        } catch (RuntimeException e) {
            statusUnknown = reason.of("states:DescribeExecution", e);
        }
        String mapRunArn;
        try {
            mapRunArn = sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().stream()
                    .map(MapRunListItem::mapRunArn)
                    .findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            return new Execution(executionArn, status, statusUnknown, null, null, reason.of("states:ListMapRuns", e));
        }
        if (mapRunArn == null) {
            return new Execution(
                    executionArn,
                    status,
                    statusUnknown,
                    null,
                    null,
                    "Step Functions lists no Map Run for the execution (not reached the Map state yet?)");
        }
        try {
            DescribeMapRunResponse mapRun = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
            MapRunItemCounts counts = mapRun.itemCounts();
            if (counts == null) {
                return new Execution(
                        executionArn, status, statusUnknown, mapRunArn, null, "DescribeMapRun gave no item counts");
            }
            return new Execution(
                    executionArn,
                    status,
                    statusUnknown,
                    mapRunArn,
                    new Items(
                            n(counts.total()),
                            n(counts.pending()),
                            n(counts.running()),
                            n(counts.succeeded()),
                            n(counts.failed()),
                            n(counts.timedOut()),
                            n(counts.aborted())),
                    null);
        } catch (RuntimeException e) {
            return new Execution(
                    executionArn, status, statusUnknown, mapRunArn, null, reason.of("states:DescribeMapRun", e));
        }
    }

    private static long n(Long count) {
        return count == null ? 0 : count;
    }
}
