package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunListing;
import dev.pipesrecovery.replay.state.RunProgress;
import dev.pipesrecovery.replay.state.sfn.StepFunctionsRunStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code status} without RUN: the bucket's runs, newest first, one line each (every value from the bucket or Step
 * Functions through {@link TerminalText}: anyone who may write the bucket wrote it), or one JSON object with the
 * exact values.
 */
final class RunsOutput {

    private static final String ROW = "%-25s %-13s %-20s %-24s %-15s %s";

    private final PrintWriter out;
    private final String runsDirectory;
    private final RunListing.Page page;
    /** The managed runs' executions by run id (DescribeExecution, ListMapRuns, DescribeMapRun). */
    private final Map<String, StepFunctionsRunStatus.Execution> executions;

    private final Instant now;

    RunsOutput(
            PrintWriter out,
            String runsDirectory,
            RunListing.Page page,
            Map<String, StepFunctionsRunStatus.Execution> executions,
            Instant now) {
        this.out = out;
        this.runsDirectory = runsDirectory;
        this.page = page;
        this.executions = Map.copyOf(executions);
        this.now = now;
    }

    void text() {
        if (page.found() == 0) {
            out.println("No replay runs in " + field(runsDirectory)
                    + " (each `pipes-replay replay` records its run there; check --bucket and --prefix)");
            return;
        }
        out.println(page.found() + " run(s) in " + field(runsDirectory)
                + (page.newest().size() < page.found()
                        ? ", the " + page.newest().size() + " newest (--limit)"
                        : "")
                + ", newest first:");
        out.println(String.format(Locale.ROOT, ROW, "RUN", "ENGINE", "CONSUMER", "STARTED", "KEYS D/F/B", "STATE"));
        long attention = 0;
        for (RunListing.Run run : page.newest()) {
            RunDescription description = run.description();
            out.println(String.format(
                    Locale.ROOT,
                    ROW,
                    field(run.keys().runId()),
                    field(description == null ? "?" : description.engine()),
                    field(consumer(description)),
                    field(description == null ? "?" : description.startedAt()),
                    field(keys(run)),
                    field(state(run))));
            attention += needsAttention(run) ? 1 : 0;
        }
        out.println(
                attention == 0
                        ? "None of these needs attention. Details: pipes-replay status RUN"
                        : attention + " of these need attention (failed, blocked, stalled or unreadable): "
                                + "pipes-replay status RUN says why and what to do");
    }

    void json() {
        ObjectNode doc = ReportFile.MAPPER.createObjectNode();
        doc.put("runsDirectory", runsDirectory).put("found", page.found());
        ArrayNode runs = doc.putArray("runs");
        for (RunListing.Run run : page.newest()) {
            ObjectNode node = runs.addObject().put("runId", run.keys().runId());
            RunDescription description = run.description();
            if (description != null) {
                node.put("engine", description.engine()).put("consumer", description.consumer());
                node.put("startedAt", description.startedAt());
            }
            node.put("state", state(run)).put("keys", keys(run)).put("needsAttention", needsAttention(run));
            node.put("problem", run.problem());
            node.set("progress", ReportFile.MAPPER.valueToTree(run.progress()));
            node.set(
                    "execution",
                    ReportFile.MAPPER.valueToTree(executions.get(run.keys().runId())));
        }
        try {
            out.println(ReportFile.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the run is running, finished, stalled (its machine stopped) or, managed, what Step Functions says. */
    String state(RunListing.Run run) {
        if (run.description() == null) {
            return "unreadable: " + run.problem();
        }
        if (run.problem() != null) {
            return "unknown: " + run.problem();
        }
        if (!"local".equals(run.description().engine())) {
            StepFunctionsRunStatus.Execution execution =
                    executions.get(run.keys().runId());
            if (execution == null) {
                return "unknown: no execution.json";
            }
            return execution.status() != null ? execution.status() : "unknown: " + execution.statusUnknown();
        }
        RunProgress progress = run.progress();
        if (progress == null) {
            return "started, no progress.json yet";
        }
        if (progress.stalled(now)) {
            return "STALLED: no update since " + progress.updatedAt();
        }
        if (!progress.finished()) {
            return "running, updated " + progress.updatedAt();
        }
        return progress.stopReason() == null ? "finished" : "stopped: " + progress.stopReason();
    }

    /**
     * Keys done/failed/blocked: a local run's latest attempt (progress.json's key segments), a managed run's Map
     * Run items (succeeded/failed, timed out or aborted; a blocked chunk fails its item, so "-"); "?" when unknown.
     */
    String keys(RunListing.Run run) {
        RunProgress progress = run.progress();
        if (progress != null) {
            return progress.keysDone() + "/" + progress.keysFailed() + "/" + progress.keysBlocked();
        }
        StepFunctionsRunStatus.Execution execution = executions.get(run.keys().runId());
        if (execution != null && execution.items() != null) {
            StepFunctionsRunStatus.Items items = execution.items();
            return items.succeeded() + "/" + items.unsuccessful() + "/- of " + items.total();
        }
        return "?";
    }

    boolean needsAttention(RunListing.Run run) {
        RunProgress progress = run.progress();
        StepFunctionsRunStatus.Execution execution = executions.get(run.keys().runId());
        return run.description() == null
                || run.problem() != null
                || (progress != null && (progress.stalled(now) || progress.keysFailed() + progress.keysBlocked() > 0))
                || (execution != null
                        && (execution.redrivable()
                                || (execution.items() != null
                                        && execution.items().unsuccessful() > 0)));
    }

    private static String consumer(RunDescription description) {
        if (description == null) {
            return "?";
        }
        return description.consumer() == null ? "(all)" : description.consumer();
    }

    private static String field(Object value) {
        return TerminalText.field(value);
    }
}
