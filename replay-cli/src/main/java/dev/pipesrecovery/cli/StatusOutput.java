package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunProgress;
import dev.pipesrecovery.replay.state.RunStatus;
import dev.pipesrecovery.replay.state.sfn.StepFunctionsRunStatus;
import java.io.PrintWriter;

/**
 * {@code status}'s output: text (every value from the bucket or Step Functions through {@link TerminalText}: keys,
 * errors and targets hold what producers and partners wrote) or one JSON object with the exact values.
 */
final class StatusOutput {

    private final PrintWriter out;
    private final String bucket;
    private final RunStatus status;
    /** Null for a local run, or a managed one whose execution is not recorded. */
    private final StepFunctionsRunStatus.Execution execution;

    StatusOutput(PrintWriter out, String bucket, RunStatus status, StepFunctionsRunStatus.Execution execution) {
        this.out = out;
        this.bucket = bucket;
        this.status = status;
        this.execution = execution;
    }

    /** Keys failed or blocked, or the execution ended badly: exit 4. */
    boolean needsAction() {
        return status.tally().failed() + status.tally().blocked() > 0 || (execution != null && execution.redrivable());
    }

    void text() {
        RunDescription run = status.description();
        out.println("Run " + field(run.runId()) + " (" + field(run.engine()) + " engine), started "
                + field(run.startedAt()));
        out.println(
                "  selection:  consumer " + field(or(run.consumer(), "(any)")) + ", " + field(or(run.from(), "start"))
                        + " to " + field(or(run.to(), "now")) + ", status " + field(run.status())
                        + (run.partitionKey() == null ? "" : ", partition key " + field(run.partitionKey())));
        out.println("  target:     " + field(run.target()));
        out.println("  state:      s3://" + field(bucket + "/" + status.keys().runDirectory()));
        RunProgress progress = status.progress();
        if (progress != null) {
            out.println("  attempt:    " + (progress.finished() ? "finished " : "running, updated ")
                    + field(progress.updatedAt()) + ": " + progress.recordsSent() + " sent, " + progress.recordsFailed()
                    + " failed, " + progress.recordsHeld() + " held back, " + progress.recordsAlreadyDelivered()
                    + " already delivered"
                    + (progress.stopReason() == null ? "" : "; stopped: " + field(progress.stopReason())));
        }
        if (status.managed()) {
            executionText();
        }
        RunStatus.KeyTally keys = status.tally();
        out.println("  keys:       " + keys.listed() + " checkpoint(s)"
                + (keys.complete() ? "" : ", " + keys.read() + " read (--keys)") + ": " + keys.done() + " done, "
                + keys.running() + " running, " + keys.failed() + " failed, " + keys.blocked() + " blocked; "
                + keys.recordsDelivered() + " record(s) delivered"
                + (keys.unreadable() == 0 ? "" : "; " + keys.unreadable() + " unreadable"));
        for (KeyCheckpoint key : keys.problems()) {
            out.println("    " + key.status() + " " + field(key.consumer() + " " + partitionKey(key)) + ": "
                    + field(or(key.error(), "?")) + " (" + key.delivered() + " delivered, last "
                    + field(or(key.lastDelivered(), "none")) + ")");
        }
        if (keys.failed() + keys.blocked() > keys.problems().size()) {
            out.println("    ... and "
                    + (keys.failed() + keys.blocked() - keys.problems().size()) + " more");
        }
        out.println("Next: " + field(next()));
    }

    private void executionText() {
        if (execution == null) {
            out.println("  execution:  unknown: no execution.json (started before pipes-replay recorded it)");
            return;
        }
        out.println("  execution:  " + field(execution.executionArn()));
        out.println("  status:     "
                + field(execution.status() != null ? execution.status() : "unknown: " + execution.statusUnknown()));
        StepFunctionsRunStatus.Items items = execution.items();
        out.println("  map run:    "
                + field(
                        items == null
                                ? "unknown: " + execution.itemsUnknown()
                                : items.total() + " item(s): " + items.pending() + " pending, " + items.running()
                                        + " running, "
                                        + items.succeeded() + " succeeded, " + items.failed() + " failed, "
                                        + items.timedOut()
                                        + " timed out, " + items.aborted() + " aborted"));
    }

    /** The one thing to do next, as a command where there is one. */
    String next() {
        RunStatus.KeyTally keys = status.tally();
        boolean problems = keys.failed() + keys.blocked() > 0;
        if (status.managed()) {
            if (execution != null && execution.redrivable()) {
                return "aws stepfunctions redrive-execution --execution-arn " + execution.executionArn()
                        + " (re-runs the failed items; each key resumes after its checkpoint)";
            }
            if (execution != null && "RUNNING".equals(execution.status())) {
                return "wait; follow it with aws stepfunctions describe-execution --execution-arn "
                        + execution.executionArn();
            }
            return problems
                    ? "fix what the errors above say, then start a new run of the failed keys (replay --engine "
                            + "stepfunctions --partition-key K)"
                    : "nothing: no key failed";
        }
        if (status.progress() != null && !status.progress().finished()) {
            return "wait (the attempt rewrites progress.json every " + RunProgress.CADENCE_SECONDS + " s); if its "
                    + "machine is gone, run the same `pipes-replay replay` command on any machine: each key resumes "
                    + "after its checkpoint";
        }
        return problems
                ? "fix what the errors above say, then run the same `pipes-replay replay` command again (any machine):"
                        + " failed and blocked keys resume from their first undelivered record"
                : "nothing: every key checkpointed is done";
    }

    void json() {
        ObjectNode doc = ReportFile.MAPPER.valueToTree(status.description());
        doc.put("runDirectory", "s3://" + bucket + "/" + status.keys().runDirectory());
        doc.set("progress", ReportFile.MAPPER.valueToTree(status.progress()));
        RunStatus.KeyTally keys = status.tally();
        ObjectNode tally = doc.putObject("keys");
        tally.put("listed", keys.listed()).put("read", keys.read()).put("done", keys.done());
        tally.put("running", keys.running()).put("failed", keys.failed()).put("blocked", keys.blocked());
        tally.put("recordsDelivered", keys.recordsDelivered()).put("unreadable", keys.unreadable());
        var problems = tally.putArray("problems");
        for (KeyCheckpoint key : keys.problems()) {
            problems.addObject()
                    .put("consumer", key.consumer())
                    .put("partitionKey", partitionKey(key))
                    .put("status", key.status().name())
                    .put("error", key.error())
                    .put("delivered", key.delivered())
                    .put("lastDelivered", key.lastDelivered());
        }
        if (status.managed()) {
            doc.set("execution", ReportFile.MAPPER.valueToTree(execution));
        }
        doc.put("next", next());
        try {
            out.println(ReportFile.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partitionKey(KeyCheckpoint key) {
        String decoded = KeyLayout.decodePartitionKey(key.encodedPartitionKey()).orElse(key.encodedPartitionKey());
        return key.chunk() == null ? decoded : decoded + " (chunk " + key.chunk() + ")";
    }

    private static String field(Object value) {
        return TerminalText.field(value);
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
