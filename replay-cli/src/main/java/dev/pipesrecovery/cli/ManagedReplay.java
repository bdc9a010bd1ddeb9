package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.plan.ChunkLimits;
import dev.pipesrecovery.replay.plan.KeyMajorListing;
import dev.pipesrecovery.replay.plan.ManagedRunInput;
import dev.pipesrecovery.replay.plan.PlanSummary;
import dev.pipesrecovery.replay.plan.PlanWriter;
import dev.pipesrecovery.replay.plan.sfn.StepFunctionsStart;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.state.BucketRunState;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunExecution;
import dev.pipesrecovery.replay.state.RunStateKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * {@code replay --engine stepfunctions}: writes the run's plan and run.json to the bucket and starts the replay
 * state machine of cloudformation/replay.yaml, which sends from AWS. With {@code --dry-run} the plan is computed
 * and summed up, nothing is written or started.
 */
final class ManagedReplay {

    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[A-Za-z0-9_.-]{1,80}");

    /** The run's settings from the command line. */
    record Request(
            Selection selection,
            String targetIdentity,
            String stateMachineArn,
            double rate,
            int concurrency,
            Integer toleratedFailurePercentage,
            Integer toleratedFailureCount,
            boolean dryRun) {}

    private final Wiring wiring;
    private final AwsOptions aws;
    private final KeyLayout layout;
    private final ArchiveSelector selector;
    private final PrintWriter out;

    ManagedReplay(Wiring wiring, AwsOptions aws, KeyLayout layout, ArchiveSelector selector, PrintWriter out) {
        this.wiring = wiring;
        this.aws = aws;
        this.layout = layout;
        this.selector = selector;
        this.out = out;
    }

    /** Checks what can be checked before anything is listed; a usage error names the option. */
    static void validate(Request request) {
        if (request.stateMachineArn() == null
                || !STATE_MACHINE_ARN.matcher(request.stateMachineArn()).matches()) {
            throw CliException.usage("--engine stepfunctions needs --state-machine ARN (the replay stack's "
                    + "StateMachineArn output, arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)");
        }
        if (request.selection().consumer() == null) {
            throw CliException.usage("--engine stepfunctions needs --consumer: a replay stack serves one consumer");
        }
        try {
            new ManagedRunInput(
                    "check",
                    "-",
                    "-",
                    "-",
                    request.rate(),
                    request.concurrency(),
                    request.toleratedFailurePercentage(),
                    request.toleratedFailureCount());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** Lists the selection into a plan: uploaded to {@code _runs/<runId>/plan.jsonl}, or only summed up (dry run). */
    PlanSummary plan(Request request, String runId) {
        RunStateKeys run = runKeys(runId);
        PlanWriter writer = new PlanWriter(new KeyMajorListing(selector, wiring.clock()), layout, ChunkLimits.DEFAULT);
        if (request.dryRun()) {
            try {
                return writer.write(runId, request.selection(), OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return wiring.managedRuns(aws).plans().publish(writer, run, request.selection());
    }

    /** Writes run.json and starts the execution; prints the run id and how to follow it. */
    void start(Request request, String runId, PlanSummary plan) {
        RunStateKeys run = runKeys(runId);
        ManagedRunInput input = input(request, runId, run);
        Selection selection = request.selection();
        RunDescription description = new RunDescription(
                runId,
                "stepfunctions",
                selection.consumer(),
                text(selection.from()),
                text(selection.to()),
                selection.partitionKey(),
                selection.status().name().toLowerCase(java.util.Locale.ROOT),
                request.targetIdentity(),
                request.rate(),
                request.concurrency(),
                request.stateMachineArn(),
                wiring.clock().instant().toString(),
                plan.items(),
                plan.records(),
                plan.bytes());
        wiring.archive(aws).putIfAbsent(new ArchiveWrite(run.runJson(), description.toJson()));
        // the workers read run.json once: its tag count proves S3 gives them a GET's tag count (BucketRunState), so
        // a record's GET tells its status and no tag read is needed for an untagged record
        BucketRunState.tagAsProof(wiring.archive(aws), run);
        String executionArn = wiring.managedRuns(aws).executions().start(request.stateMachineArn(), input);
        // after the start: run.json is written before it, when the ARN is not known; a retried start keeps the first
        wiring.archive(aws)
                .putIfAbsent(new ArchiveWrite(
                        run.execution(),
                        new RunExecution(executionArn, wiring.clock().instant().toString()).toJson()));
        out.println("Run " + runId + " started on " + TerminalText.field(request.stateMachineArn()));
        out.println("  plan:      s3://" + aws.bucket() + "/" + run.plan());
        out.println("  execution: " + executionArn);
        out.println("Follow it:");
        out.println("  pipes-replay status " + runId + " --bucket " + aws.bucket());
        out.println("  aws stepfunctions describe-execution --execution-arn " + executionArn);
        out.println("  " + StepFunctionsStart.consoleUrl(executionArn.split(":")[3], executionArn));
        out.println("  the report: s3://" + aws.bucket() + "/" + run.report());
    }

    private ManagedRunInput input(Request request, String runId, RunStateKeys run) {
        return new ManagedRunInput(
                runId,
                aws.bucket(),
                layout.prefix(),
                run.plan(),
                request.rate(),
                request.concurrency(),
                request.toleratedFailurePercentage(),
                request.toleratedFailureCount());
    }

    private RunStateKeys runKeys(String runId) {
        return RunStateKeys.of(layout, runId);
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
