package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.engine.EngineTime;
import dev.pipesrecovery.replay.engine.ReplayEngine;
import dev.pipesrecovery.replay.run.OnSuccess;
import dev.pipesrecovery.replay.run.ReplayPlan;
import dev.pipesrecovery.replay.run.ReplayRequest;
import dev.pipesrecovery.replay.run.ReplaySettings;
import dev.pipesrecovery.replay.run.ReplaySummary;
import dev.pipesrecovery.replay.run.RunIdentity;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.retry.BackoffPolicy;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code replay}: plan, confirm, send, mark, summarise. The work happens in {@link ReplayEngine}; this class turns
 * options into a request and results into output and an exit code.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Re-send the selected records (default --status pending: not delivered yet) to one target, in "
                + "order per partition key, rate-limited, with retries and a circuit breaker. Shows a plan first. Running "
                + "the same command again resumes and finishes the job.")
final class ReplayCommand extends BaseCommand {

    @Mixin
    SelectionOptions selection;

    @Mixin
    TargetOptions target;

    @Mixin
    EngineOptions engine;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "10",
            description = "Requests per second, all workers together; 0 = unlimited (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "4",
            description = "Partition keys sent in parallel; each key stays in order (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "5",
            description = "Attempts per record on retryable failures: HTTP 401/407/409/429/5xx, timeouts, connection "
                    + "errors, throttling (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(
            names = "--on-success",
            paramLabel = "tag|delete|keep",
            defaultValue = "tag",
            completionCandidates = OnSuccessValues.class,
            description = "What to do with a delivered object (default: ${DEFAULT-VALUE}, with run id and time).")
    OnSuccess onSuccess;

    static final class OnSuccessValues extends LowerCaseValues<OnSuccess> {
        OnSuccessValues() {
            super(OnSuccess.class);
        }
    }

    @Option(
            names = "--breaker-threshold",
            paramLabel = "N",
            defaultValue = "10",
            description = "Stop after N consecutive failed records (default: ${DEFAULT-VALUE}).")
    int breakerThreshold;

    @Option(
            names = "--send-after-failure",
            description = "Send a partition key's later records even after one of "
                    + "its records failed for good (for targets that do not care about order). Default: the key sends "
                    + "nothing more in this run, and the next run sends it from the failed record on, in order.")
    boolean sendAfterFailure;

    @Option(
            names = "--retry-base-millis",
            hidden = true,
            defaultValue = "200",
            description = "First backoff step; doubles per retry up to 20 s, full jitter.")
    long retryBaseMillis;

    @Option(names = "--dry-run", description = "Show the plan and stop; nothing is sent or tagged.")
    boolean dryRun;

    @Option(
            names = {"--yes", "-y"},
            description = "Do not ask for confirmation (required without a terminal).")
    boolean yes;

    @Mixin
    StateDirOption stateDir;

    @Override
    public Integer call() throws InterruptedException {
        Selection chosen = selection.toSelection(StatusFilter.PENDING);
        target.validate();
        if (engine.managed()) {
            return managed(chosen);
        }
        ReplaySettings settings = settings();
        var selector = selector();
        try (ReplayTarget replayTarget = wiring().target(aws(), target)) {
            String identity = RunIdentity.identity(aws().bucket(), aws().prefix(), chosen, target.identity());
            String runId = RunIdentity.newRunId(wiring().clock().instant());
            Path state = stateDir.resolve(wiring());
            ReplayRequest request = new ReplayRequest(chosen, replayTarget, settings, runId, identity, state);
            ReplayEngine engine =
                    new ReplayEngine(selector, archive(), EngineTime.of(wiring().clock(), wiring().sleeper()));
            ReplayPlan plan = engine.plan(request);
            ReplayOutput output = new ReplayOutput(out(), output().json());
            output.plan(plan, dryRun);
            if (plan.selected().objects() == 0) {
                if (plan.selected().lossMarkers() > 0) {
                    err().println("pipes-replay: " + plan.selected().lossMarkers() + " loss marker(s) in the "
                            + "selection: records that could not be hydrated (pipes-replay list shows them)");
                }
                return nothingMatched(chosen);
            }
            if (dryRun) {
                return ExitCodes.OK;
            }
            confirm(plan);
            ReplaySummary summary = engine.run(
                    request,
                    plan.selected().objects(),
                    new ProgressPrinter(err(), wiring().terminal().interactive()));
            ReportFile.write(request.reportFile(), plan, summary);
            output.summary(summary, request.reportFile());
            return exitCode(summary, chosen);
        }
    }

    /** {@code --engine stepfunctions}: plan into the bucket, confirm, start the state machine ({@link ManagedReplay}). */
    private int managed(Selection chosen) {
        if (target.pipe() != null) {
            // The stack's worker can describe its own pipe only (replay.yaml PipeName): a --pipe here would be
            // recorded in run.json while the worker sent another pipe's request, or none.
            throw CliException.usage("--pipe does not apply to --engine stepfunctions: the replay stack's worker sends"
                    + " what the pipe of its PipeName parameter sends (bin/deploy replay --params); drop --pipe, or"
                    + " replay from this machine with --engine local");
        }
        ManagedReplay.Request request = new ManagedReplay.Request(
                chosen,
                target.identity(),
                engine.stateMachine,
                rate,
                concurrency,
                engine.toleratedFailurePercentage,
                engine.toleratedFailureCount,
                dryRun);
        ManagedReplay.validate(request);
        ManagedReplay managed = new ManagedReplay(wiring(), aws(), layout(), selector(), out());
        String runId = RunIdentity.newRunId(wiring().clock().instant());
        if (!dryRun) {
            confirm(
                    "Plan " + TerminalText.field(chosen.consumer()) + " and start "
                            + TerminalText.field(engine.stateMachine) + "? [y/N] ",
                    "start a managed replay",
                    "nothing was written or started");
        }
        var plan = managed.plan(request, runId);
        // pending is planned without reading tags (KeyMajorListing): the workers pass over what is delivered
        String atMost = chosen.status() == StatusFilter.PENDING ? "at most " : "";
        out().println("Plan: " + plan.items() + " item(s) (partition keys or chunks), " + atMost + plan.records()
                + " record(s), " + bytes(plan.bytes())
                + (atMost.isEmpty() ? "" : " (status 'pending' is checked per record by the workers)")
                + (dryRun ? " (dry run: nothing written or started)" : ""));
        if (plan.records() == 0) {
            return nothingMatched(chosen);
        }
        if (!dryRun) {
            managed.start(request, runId, plan);
        }
        return ExitCodes.OK;
    }

    /** 0 only when nothing selected is left undelivered; otherwise one line on stderr says what to do. */
    private int exitCode(ReplaySummary summary, Selection chosen) {
        if (summary.stoppedEarly()) {
            err().println("pipes-replay: stopped: " + TerminalText.field(summary.stopReason()) + ". Fix that, "
                    + "then run the same command again: it sends what is left, in order.");
            return ExitCodes.CIRCUIT_OPEN;
        }
        if (!summary.complete()) {
            err().println("pipes-replay: not everything was delivered: "
                    + summary.notDelivered().failed()
                    + " failed, " + summary.notDelivered().blocked() + " held back behind an undelivered earlier "
                    + "record of their partition key (see the report). Fix the cause, then run the same command "
                    + "again: it sends what is left, in order"
                    + (summary.skipped().otherStatusUndelivered() > 0
                            ? " (records --status left out hold their keys: --status pending selects them)"
                            : "")
                    + ".");
            return ExitCodes.SOME_FAILED;
        }
        return summary.nothingMatched() ? nothingMatched(chosen) : ExitCodes.OK;
    }

    private ReplaySettings settings() {
        if (maxAttempts < 1) {
            throw CliException.usage("--max-attempts must be >= 1");
        }
        if (retryBaseMillis < 1) {
            throw CliException.usage("--retry-base-millis must be >= 1");
        }
        try {
            BackoffPolicy backoff =
                    new BackoffPolicy(Duration.ofMillis(retryBaseMillis), Duration.ofSeconds(20), maxAttempts);
            return new ReplaySettings(rate, concurrency, backoff, breakerThreshold, onSuccess, 256, !sendAfterFailure);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private void confirm(ReplayPlan plan) {
        confirm(
                "Send up to " + plan.selected().objects() + " record(s) to " + plan.target() + "? [y/N] ",
                "replay",
                "nothing was sent");
    }

    /** Asks on the terminal unless --yes; without a terminal, --yes is required. */
    private void confirm(String question, String what, String nothingDone) {
        if (yes) {
            return;
        }
        Terminal terminal = wiring().terminal();
        if (!terminal.interactive()) {
            throw CliException.usage("refusing to " + what + " without --yes: there is no terminal to confirm on "
                    + "(add --yes, or --dry-run to only see the plan)");
        }
        out().flush();
        String answer = terminal.readLine(question);
        if (answer == null
                || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw CliException.usage("aborted: " + nothingDone);
        }
    }
}
