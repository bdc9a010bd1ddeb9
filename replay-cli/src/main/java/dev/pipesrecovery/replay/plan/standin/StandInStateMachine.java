package dev.pipesrecovery.replay.plan.standin;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.engine.EngineTime;
import dev.pipesrecovery.replay.plan.ManagedRunInput;
import dev.pipesrecovery.replay.plan.ManagedRunStart;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.plan.PlanLines;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.replay.worker.ReplayWorker;
import dev.pipesrecovery.retry.Sleeper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A LOCAL STAND-IN for the replay state machine of cloudformation/replay.yaml, which no emulator here can run (moto
 * fails on a DISTRIBUTED Map; Step Functions Local cannot be installed). {@code pipes-replay replay --engine
 * stepfunctions} writes the plan and run.json to the bucket exactly as against AWS, then "starts the execution"
 * here: this reads the plan back from the bucket as the Map's ItemReader does and runs every line through
 * {@link LocalDistributedMapStandIn} with the real replay worker in this JVM, to the end, before it returns.
 * What it cannot show (Lambda's own retries, a Map Run's redrive, ResultWriter) is listed on the stand-in. For
 * rehearsals and benchmarks only (the sandbox's {@code demo --replay managed}, the managed-replay benchmark):
 * {@code pipes-replay} itself starts runs with {@code replay.plan.sfn.StepFunctionsStart}.
 */
public final class StandInStateMachine implements ManagedRunStart {

    /** What the stand-in ran: the Map Run's counts, to print beside the verification. */
    public record Run(int items, long records, StandInResult result, Duration took) {}

    private final ArchiveStore archive;
    private final KeyLayout layout;
    private final ReplayTarget target;
    private final String consumer;
    private final Duration invocationBudget;
    private final PrintStream workerLog;
    private volatile Run lastRun;

    /**
     * @param invocationBudget how long each worker invocation may send before it answers {@code done: false} (the
     *     function's timeout less a margin in AWS; short here, so that the child's continuation loop runs too)
     * @param workerLog where the worker's JSON lines go (its CloudWatch log in AWS)
     */
    public StandInStateMachine(
            ArchiveStore archive,
            KeyLayout layout,
            ReplayTarget target,
            String consumer,
            Duration invocationBudget,
            PrintStream workerLog) {
        this.workerLog = workerLog;
        this.archive = archive;
        this.layout = layout;
        this.target = target;
        this.consumer = consumer;
        this.invocationBudget = invocationBudget;
    }

    @Override
    public String start(String stateMachineArn, ManagedRunInput input) {
        String plan = archive.read(RunStateKeys.of(layout, input.runId()).plan())
                .map(object -> new String(object.body(), StandardCharsets.UTF_8))
                .orElseThrow(
                        () -> new IllegalStateException("the run's plan is not in the bucket: " + input.planKey()));
        List<PlanItem> items = plan.lines()
                .filter(line -> !line.isBlank())
                .map(PlanLines::parse)
                .toList();
        ReplayWorker worker = new ReplayWorker(
                archive,
                layout,
                target,
                consumer,
                EngineTime.of(Clock.systemUTC(), Sleeper.SYSTEM),
                ReplayWorker.DEFAULT_BACKOFF,
                workerLog);
        long started = System.nanoTime();
        try {
            StandInResult result = new LocalDistributedMapStandIn(worker.withBudget(invocationBudget), Sleeper.SYSTEM)
                    .run(items, input);
            lastRun = new Run(
                    items.size(),
                    items.stream().mapToLong(PlanItem::count).sum(),
                    result,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the stand-in Map Run was running", e);
        }
        // the execution ARN AWS would give: arn:...:execution:<state machine name>:<execution name = run id>
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + input.runId();
    }

    /** The last run, or null before the first. */
    public Run lastRun() {
        return lastRun;
    }
}
