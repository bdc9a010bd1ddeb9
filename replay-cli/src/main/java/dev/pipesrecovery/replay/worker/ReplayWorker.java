package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.engine.EngineTime;
import dev.pipesrecovery.replay.engine.ObjectMarker;
import dev.pipesrecovery.replay.engine.TargetSender;
import dev.pipesrecovery.replay.engine.TokenBucket;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.plan.standin.ReplayWorkerFunction;
import dev.pipesrecovery.replay.run.OnSuccess;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.state.KeyCheckpoint.Status;
import dev.pipesrecovery.replay.state.KeyCheckpoints;
import dev.pipesrecovery.replay.state.KeyProgress;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.retry.BackoffPolicy;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The replay worker of a managed run (cloudformation/replay.yaml, state ReplayItem): each invocation sends records of
 * ONE plan item, in order, and answers whether the item is done. Its progress lives in the item's checkpoint
 * ({@link KeyProgress}, saved once per invocation and when the item stops) and in the records' tags (written after
 * each delivery, naming the run), so any invocation — the next one, a retried or redriven one, on any machine — goes
 * on where the last left off, and a duplicate is the record in flight when an invocation died ({@link ItemDelivery}).
 * Chunk {@code c > 0} of a key waits for chunk {@code c - 1} ({@link EarlierChunk}).
 *
 * <p>The worker replays one consumer ({@code REPLAY_CONSUMER}: its IAM role reads that consumer's archive only) and
 * refuses items of another. Thread-safe: invocations of different items may run side by side (the stand-in does).
 */
public final class ReplayWorker {

    /** As {@code pipes-replay replay}'s defaults: 5 attempts, 200 ms doubling up to 20 s, full jitter. */
    public static final BackoffPolicy DEFAULT_BACKOFF =
            new BackoffPolicy(Duration.ofMillis(200), Duration.ofSeconds(20), 5);

    private final ArchiveStore store;
    private final KeyLayout layout;
    private final ReplayTarget target;
    private final String consumer;
    private final EngineTime time;
    private final BackoffPolicy backoff;
    private final WorkerLog log;
    private final RunSelections selections;

    public ReplayWorker(ArchiveStore store, KeyLayout layout, ReplayTarget target, String consumer, EngineTime time) {
        this(store, layout, target, consumer, time, DEFAULT_BACKOFF, System.out);
    }

    /** @param log where the one JSON line per invocation goes (stdout in Lambda) */
    public ReplayWorker(
            ArchiveStore store,
            KeyLayout layout,
            ReplayTarget target,
            String consumer,
            EngineTime time,
            BackoffPolicy backoff,
            PrintStream log) {
        this.store = Objects.requireNonNull(store, "store");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.target = Objects.requireNonNull(target, "target");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.time = Objects.requireNonNull(time, "time");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.log = new WorkerLog(Objects.requireNonNull(log, "log"), time.wall(), consumer);
        this.selections = new RunSelections(store);
    }

    /**
     * One invocation: the state machine's payload in, the answer JSON out.
     *
     * @param budget how long it may send before answering done:false (the caller keeps back the time to save and
     *     answer); at least one record is sent per invocation whatever the budget
     * @throws ReplayItemFailed when the item ends FAILED or BLOCKED: its message is the cause the Fail state shows
     *     (never a payload)
     */
    public String invoke(String payload, Duration budget) throws InterruptedException {
        WorkerPayload request;
        try {
            request = WorkerPayload.parse(payload);
        } catch (IllegalArgumentException e) {
            throw new ReplayItemFailed(e.getMessage());
        }
        PlanItem item = request.item();
        if (!consumer.equals(item.consumer()) || !item.prefix().startsWith(layout.consumerPrefix(consumer))) {
            throw new ReplayItemFailed("this worker replays consumer " + consumer + " (REPLAY_CONSUMER) only: "
                    + "refused an item of consumer " + item.consumer() + " under " + item.prefix());
        }
        RunStateKeys run;
        String encodedKey;
        try {
            run = RunStateKeys.of(layout, request.runId());
            encodedKey = layout.parse(item.firstKey()).encodedPartitionKey();
        } catch (IllegalArgumentException e) {
            throw new ReplayItemFailed(e.getMessage());
        }
        KeyCheckpoints checkpoints = new KeyCheckpoints(store, run);
        Line line = new Line(request.runId(), encodedKey, item.chunk());
        RunSelections.RunSelection selection;
        EarlierChunk earlier;
        KeyProgress progress;
        boolean read;
        try {
            earlier = item.chunk() == 0
                    ? null
                    : EarlierChunk.check(
                            checkpoints,
                            consumer,
                            encodedKey,
                            item.chunk(),
                            time.wall().instant());
            boolean waiting = earlier != null && earlier.verdict() == EarlierChunk.Verdict.WAIT;
            boolean blocked = earlier != null && earlier.verdict() == EarlierChunk.Verdict.BLOCKED;
            selection = waiting || blocked ? null : selections.of(run);
            read = blocked || (selection != null && ItemDelivery.readsCheckpointFirst(selection));
            progress = waiting
                    ? null
                    : read
                            ? resume(checkpoints, encodedKey, item)
                            : KeyProgress.untouched(
                                    checkpoints, layout, time.wall(), consumer, encodedKey, item.chunk());
        } catch (RuntimeException e) {
            throw failedBeforeSending(checkpoints, encodedKey, item, line, e);
        }
        if (earlier != null && earlier.verdict() == EarlierChunk.Verdict.WAIT) {
            log.outcome(line.of("waiting for chunk " + (item.chunk() - 1), "WAITING", 0, 0, null));
            return WorkerAnswer.waitFor(earlier.waitSeconds());
        }
        if (earlier != null && earlier.verdict() == EarlierChunk.Verdict.BLOCKED) {
            String cause = progress.save(Status.BLOCKED, earlier.why())
                    ? earlier.why()
                    : earlier.why() + " (and another sender saved this chunk meanwhile)";
            log.outcome(line.of("blocked", Status.BLOCKED.name(), 0, 0, cause));
            throw new ReplayItemFailed(Status.BLOCKED + ": " + cause);
        }
        ItemDelivery delivery = new ItemDelivery(
                parts(request), item, progress, read, selection, () -> resume(checkpoints, encodedKey, item));
        try {
            ItemDelivery.Outcome outcome = delivery.run(budget);
            log.outcome(line.of(
                    outcome == ItemDelivery.Outcome.DONE ? "done" : "to be continued",
                    delivery.status().name(),
                    delivery.sent(),
                    delivery.skipped(),
                    null));
            return outcome == ItemDelivery.Outcome.DONE ? WorkerAnswer.DONE : WorkerAnswer.AGAIN;
        } catch (ReplayItemFailed e) {
            log.outcome(
                    line.of("failed", delivery.status().name(), delivery.sent(), delivery.skipped(), e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            // an S3 error, a bug: the item stops FAILED with what it is (an exception message names keys, not data)
            String cause = "UnexpectedError " + e.getClass().getSimpleName() + ": " + e.getMessage();
            ReplayItemFailed failed;
            try {
                failed = delivery.stop(Status.FAILED, cause);
            } catch (RuntimeException notSaved) {
                failed = new ReplayItemFailed(
                        Status.FAILED + ": " + cause + " (checkpoint not saved: " + notSaved.getMessage() + ")");
            }
            log.outcome(line.of("failed", Status.FAILED.name(), delivery.sent(), delivery.skipped(), cause));
            throw failed;
        }
    }

    /** The worker as {@code LocalDistributedMapStandIn} invokes it, each invocation with the same budget. */
    public ReplayWorkerFunction withBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        return payload -> invoke(payload, budget);
    }

    /**
     * The item failed before it sent anything (run.json unreadable, S3 down): it is saved FAILED if S3 lets it, so
     * the key's later chunks end BLOCKED instead of waiting for a chunk that will not move; a redrive resumes it.
     */
    private ReplayItemFailed failedBeforeSending(
            KeyCheckpoints checkpoints, String encodedKey, PlanItem item, Line line, RuntimeException e) {
        String cause = e instanceof ReplayItemFailed
                ? e.getMessage()
                : "UnexpectedError " + e.getClass().getSimpleName() + ": " + e.getMessage();
        String saved = "";
        try {
            resume(checkpoints, encodedKey, item).save(Status.FAILED, cause);
        } catch (RuntimeException notSaved) {
            saved = " (checkpoint not saved: " + notSaved.getMessage() + ")";
        }
        log.outcome(line.of("failed", Status.FAILED.name(), 0, 0, cause + saved));
        return new ReplayItemFailed(Status.FAILED + ": " + cause + saved);
    }

    private KeyProgress resume(KeyCheckpoints checkpoints, String encodedKey, PlanItem item) {
        return KeyProgress.resume(checkpoints, layout, time.wall(), consumer, encodedKey, item.chunk());
    }

    /** Per invocation: the run's id goes into every request and tag, its rate is shared by the Map's workers. */
    private ItemDelivery.Parts parts(WorkerPayload request) {
        AtomicReference<String> lastUnmarked = new AtomicReference<>();
        ObjectMarker marker =
                new ObjectMarker(store, OnSuccess.TAG, request.runId(), time.wall(), new ObjectMarker.Reports() {
                    @Override
                    public void marked(String key) {}

                    @Override
                    public void markingFailed(String key, String message) {
                        lastUnmarked.set(key);
                        log.marking(request.runId(), key, "tagging failed: " + message);
                    }

                    @Override
                    public void foreignTagsDropped(String key, List<String> droppedKeys) {
                        log.marking(request.runId(), key, "dropped foreign tag(s) " + String.join(", ", droppedKeys));
                    }
                });
        TokenBucket limiter = new TokenBucket(request.workerRate(), time.sleeper(), time.monotonic());
        TargetSender sender = new TargetSender(target, limiter, backoff, time, request.runId(), () -> false);
        return new ItemDelivery.Parts(
                store, new ArchiveSelector(store, layout, time.wall()), marker, sender, time.monotonic(), lastUnmarked);
    }

    /** The fields every line of one invocation shares. */
    private record Line(String runId, String encodedKey, int chunk) {
        WorkerLog.Line of(String answer, String status, long sent, long skipped, String error) {
            return new WorkerLog.Line(runId, encodedKey, chunk, answer, status, sent, skipped, error);
        }
    }
}
