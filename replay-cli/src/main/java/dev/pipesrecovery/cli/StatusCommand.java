package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.state.RunListing;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.replay.state.RunStatus;
import dev.pipesrecovery.replay.state.RunStatusReader;
import dev.pipesrecovery.replay.state.sfn.StepFunctionsRunStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code status [RUN]}: where a replay run stands, from its state in the bucket (and Step Functions for a managed
 * run); without RUN, the bucket's runs, newest first.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Which runs are there, and which one is stuck: without RUN, lists the bucket's replay runs (every run of "
                    + "either engine, from any machine), newest first, one line each: run id, engine (local or "
                    + "stepfunctions), consumer, start, keys done/failed/blocked and state. A local run's state and "
                    + "keys come from its progress.json: 'running', 'finished', 'stopped: why', or 'STALLED: no "
                    + "update since T' when its machine stopped rewriting it (resume with the same replay command "
                    + "on any machine). A managed run's come from Step Functions (the execution's status, the Map "
                    + "Run's items). The last line counts the runs that need attention.",
            "",
            "With RUN: where that run stands: what it replays (_runs/RUN/run.json), the latest local "
                    + "attempt's totals (_runs/RUN/progress.json, rewritten every 10 s while it runs), its keys' "
                    + "checkpoints (_runs/RUN/keys/: done, running, failed, blocked, records delivered; the failed "
                    + "and blocked ones with their error) and, for a managed run (--engine stepfunctions), the "
                    + "execution's status and its Map Run's item counts from Step Functions (DescribeExecution, "
                    + "ListMapRuns, DescribeMapRun; what cannot be read is shown as 'unknown: why'). Ends with what "
                    + "to do next.",
            "",
            "RUN is the run id a managed replay prints, or the run identity of a local one (the report's "
                    + "runIdentity; the same command on any machine has the same identity).",
            "",
            "Cost without RUN: one LIST request per 1,000 runs (never one per key), one GET of each run's run.json "
                    + "(to order them by start), then for each run shown one GET of progress.json or "
                    + "execution.json, and for a managed one DescribeExecution, ListMapRuns and DescribeMapRun.",
            "Cost with RUN: one GET each for run.json, execution.json and progress.json, one LIST request per 1,000 "
                    + "key checkpoints and one GET per checkpoint, at most --keys of them."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run is there and no key failed or is blocked (it may still be running); without RUN: the list "
                    + "was read (even empty)",
            "2:usage or misconfiguration",
            "3:no such run under the bucket's _runs/",
            "4:some keys failed or are blocked, or the execution failed (see what to do next)"
        })
final class StatusCommand extends BaseCommand {

    @Parameters(
            arity = "0..1",
            paramLabel = "RUN",
            description = "The run id or run identity; without it, list the runs.")
    String runId;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "Without RUN: show the N newest runs (all are counted; default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--keys",
            paramLabel = "N",
            defaultValue = "10000",
            description = "Read at most N key checkpoints (one GET each; all are counted; default: ${DEFAULT-VALUE}).")
    long keys;

    @Override
    public Integer call() {
        if (keys < 0) {
            throw CliException.usage("--keys must be >= 0");
        }
        if (limit < 0) {
            throw CliException.usage("--limit must be >= 0");
        }
        if (runId == null) {
            return listRuns();
        }
        RunStateKeys run;
        try {
            run = RunStateKeys.of(layout(), runId);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad RUN: " + e.getMessage());
        }
        Optional<RunStatus> status = new RunStatusReader(archive()).read(run, keys);
        if (status.isEmpty()) {
            err().println("pipes-replay: no run " + TerminalText.field(runId) + " in s3://"
                    + TerminalText.field(aws().bucket() + "/" + run.runDirectory())
                    + " (check RUN, --bucket and --prefix)");
            return ExitCodes.NOTHING_MATCHED;
        }
        RunStatus found = status.get();
        StepFunctionsRunStatus.Execution execution = found.execution() == null
                ? null
                : wiring().managedRuns(aws()).runs().describe(found.execution().executionArn());
        StatusOutput output = new StatusOutput(out(), aws().bucket(), found, execution);
        if (output().json()) {
            output.json();
        } else {
            output.text();
        }
        out().flush();
        return output.needsAction() ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    private int listRuns() {
        String runsPrefix = layout().runsPrefix();
        RunListing.Page page = new RunListing(archive(), runsPrefix).newest(limit);
        Map<String, StepFunctionsRunStatus.Execution> executions = new HashMap<>();
        for (RunListing.Run run : page.newest()) {
            if (run.execution() != null) {
                executions.put(
                        run.keys().runId(),
                        wiring().managedRuns(aws())
                                .runs()
                                .describe(run.execution().executionArn()));
            }
        }
        RunsOutput output = new RunsOutput(
                out(),
                "s3://" + aws().bucket() + "/" + runsPrefix,
                page,
                executions,
                wiring().clock().instant());
        if (output().json()) {
            output.json();
        } else {
            output.text();
        }
        out().flush();
        return ExitCodes.OK;
    }
}
