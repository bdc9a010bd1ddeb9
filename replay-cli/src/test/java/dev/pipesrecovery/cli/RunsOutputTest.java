package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunExecution;
import dev.pipesrecovery.replay.state.RunListing;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.replay.state.sfn.StepFunctionsRunStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The managed runs' lines of {@code status} without RUN, from what Step Functions answered (the conditions moto
 * cannot produce: a Map Run with failed items; {@code StepFunctionsRunStatusTest} reads the real answers).
 */
class RunsOutputTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:replay:";

    @Test
    void aManagedRunShowsTheExecutionsStatusAndItsMapRunsItems() {
        RunListing.Run failed = managed("20261127T100000Z-00000001", true);
        RunListing.Run running = managed("20261127T110000Z-00000002", true);
        RunListing.Run unrecorded = managed("20261127T090000Z-00000003", false);
        Map<String, StepFunctionsRunStatus.Execution> executions = Map.of(
                failed.keys().runId(),
                new StepFunctionsRunStatus.Execution(
                        ARN + "1",
                        "FAILED",
                        null,
                        "arn:map",
                        new StepFunctionsRunStatus.Items(10, 0, 0, 7, 2, 0, 1),
                        null),
                running.keys().runId(),
                new StepFunctionsRunStatus.Execution(
                        ARN + "2", null, "AccessDenied (states:DescribeExecution)", null, null, "no Map Run"));
        StringWriter text = new StringWriter();
        RunsOutput output = new RunsOutput(
                new PrintWriter(text),
                "s3://b/_runs/",
                new RunListing.Page(3, List.of(running, failed, unrecorded)),
                executions,
                NOW);

        output.text();

        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(2))
                .startsWith(running.keys().runId())
                .contains("stepfunctions", " ? ", "unknown: AccessDenied (states:DescribeExecution)");
        assertThat(lines.get(3)).startsWith(failed.keys().runId()).contains(" 7/3/- of 10 ", "FAILED");
        assertThat(lines.get(4)).startsWith(unrecorded.keys().runId()).contains("unknown: no execution.json");
        assertThat(output.needsAttention(failed)).isTrue();
        assertThat(output.needsAttention(running))
                .as("status unknown, nothing failed")
                .isFalse();
        assertThat(lines.get(5)).startsWith("1 of these need attention");
    }

    private static RunListing.Run managed(String runId, boolean executionRecorded) {
        RunDescription description = new RunDescription(
                runId,
                "stepfunctions",
                "orders-api",
                null,
                null,
                null,
                "pending",
                "http",
                10,
                8,
                "arn:sm",
                runId.substring(0, 4) + "-11-27T" + runId.substring(9, 11) + ":00:00Z",
                16,
                100,
                1000);
        return new RunListing.Run(
                new RunStateKeys("_runs/", runId),
                description,
                null,
                executionRecorded ? new RunExecution(ARN + runId, description.startedAt()) : null,
                null);
    }
}
