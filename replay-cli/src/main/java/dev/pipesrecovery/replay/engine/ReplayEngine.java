package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.replay.journal.ReplayJournal;
import dev.pipesrecovery.replay.run.BlockedKey;
import dev.pipesrecovery.replay.run.ProgressListener;
import dev.pipesrecovery.replay.run.ReplayPlan;
import dev.pipesrecovery.replay.run.ReplayRequest;
import dev.pipesrecovery.replay.run.ReplaySettings;
import dev.pipesrecovery.replay.run.ReplaySummary;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.BucketRunState;
import dev.pipesrecovery.replay.state.KeyCheckpoints;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunProgress;
import dev.pipesrecovery.replay.state.RunStateKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replays a selection to one target. The listing streams through bounded per-key lanes ({@code --concurrency}
 * workers; a partition key always goes to the same lane, so its records stay in order), each request waits for the
 * shared rate limiter, retries follow the backoff policy, and the circuit breaker stops the whole run when the
 * target keeps failing. Objects the run's journal lists as delivered are skipped (and marked, if an earlier run
 * could not), and so are those its keys' checkpoints in the bucket say were delivered, by this machine or another
 * ({@link LaneCheckpoints}). A partition key whose record is not delivered holds its later records back
 * ({@link KeyHolds}). The run's totals go to the bucket too ({@link RunProgressWriter}), for {@code status}.
 */
public final class ReplayEngine {

    private final ArchiveSelector selector;
    private final ArchiveStore store;
    private final EngineTime time;

    public ReplayEngine(ArchiveSelector selector, ArchiveStore store, EngineTime time) {
        this.selector = selector;
        this.store = store;
        this.time = time;
    }

    /** Counts the selection (one listing, no tags, no bodies) and reads the journal. */
    public ReplayPlan plan(ReplayRequest request) {
        long records = 0;
        long bytes = 0;
        long lossMarkers = 0;
        long notArchiveKeys = 0;
        List<String> sample = new ArrayList<>();
        try (CloseableIterator<ListedObject> objects = selector.select(unfiltered(request.selection()))) {
            while (objects.hasNext()) {
                ListedObject object = objects.next();
                switch (object.kind()) {
                    case LOSS_MARKER -> lossMarkers++;
                    case UNRECOGNIZED -> notArchiveKeys++;
                    case RECORD -> {
                        records++;
                        bytes += object.object().size();
                        if (sample.size() < 3) {
                            sample.add(object.s3Key());
                        }
                    }
                }
            }
        }
        int previously = 0;
        if (java.nio.file.Files.exists(request.journalFile())) {
            try (ReplayJournal journal = ReplayJournal.open(request.journalFile())) {
                previously = journal.previouslyDelivered();
            }
        }
        return ReplayPlan.of(
                new ReplayPlan.Selected(records, bytes, lossMarkers, notArchiveKeys, sample),
                request.target().describe(),
                request.settings(),
                request.selection().status(),
                previously,
                request.journalFile().toString());
    }

    public ReplaySummary run(ReplayRequest request, long plannedObjects, ProgressListener progress)
            throws InterruptedException {
        Instant startedAt = time.wall().instant();
        long startedNanos = time.monotonic().nanoTime();
        ReplaySettings settings = request.settings();
        ReplayCounters counters = new ReplayCounters();
        CircuitBreaker breaker = new CircuitBreaker(settings.breakerThreshold());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pipes-replay-progress");
            thread.setDaemon(true);
            return thread;
        });
        FailureLog failureLog = new FailureLog(request.failuresFile());
        List<BlockedKey> blockedKeys;
        RunProgressWriter progressWriter;
        try (ReplayJournal journal = ReplayJournal.open(request.journalFile());
                failureLog) {
            ObjectMarker marker = new ObjectMarker(
                    store, settings.onSuccess(), request.runId(), time.wall(), counters, failureLog, journal);
            RunStateKeys runKeys = RunStateKeys.of(selector.layout(), request.runIdentity());
            BucketRunState runState = BucketRunState.open(
                    store,
                    runKeys,
                    RunDescription.local(
                            request.runIdentity(),
                            request.selection(),
                            request.target().describe(),
                            settings.rate(),
                            settings.concurrency(),
                            startedAt));
            ReplayContext context = new ReplayContext(
                    store,
                    selector.layout(),
                    request,
                    new ReplayContext.RunRecords(
                            journal,
                            counters,
                            failureLog,
                            marker,
                            new KeyCheckpoints(store, runKeys),
                            checkpointsOnDemand(runState, request)),
                    new ReplayContext.FlowControl(
                            new TokenBucket(settings.rate(), time.sleeper(), time.monotonic()), breaker),
                    time);
            ticker.scheduleAtFixedRate(
                    () -> progress.progress(
                            counters.done(),
                            plannedObjects,
                            counters.delivered.sum(),
                            counters.failed(),
                            time.millisSince(startedNanos)),
                    1,
                    1,
                    TimeUnit.SECONDS);
            progressWriter = new RunProgressWriter(store, runKeys, counters, time.wall(), startedAt);
            RunProgressWriter writer = progressWriter;
            ticker.scheduleAtFixedRate(
                    () -> writer.write(false, null),
                    RunProgress.CADENCE_SECONDS,
                    RunProgress.CADENCE_SECONDS,
                    TimeUnit.SECONDS);
            blockedKeys = dispatch(request.selection(), context, marker, runState);
        } finally {
            ticker.shutdownNow();
            progress.finished();
        }
        progressWriter.write(true, breaker.reason());
        ReplaySummary.Run run = new ReplaySummary.Run(
                request.runId(),
                request.runIdentity(),
                request.target().describe(),
                startedAt,
                Math.max(1, time.millisSince(startedNanos)));
        ReplaySummary.Files files = new ReplaySummary.Files(
                request.journalFile().toString(),
                counters.anyFailureLine() ? request.failuresFile().toString() : null,
                failureLog.problem());
        return counters.summary(run, blockedKeys, breaker.reason(), files);
    }

    /**
     * Whether the lanes may leave a key's checkpoint unread and unsaved until they must save it (1,000 records or 30 s
     * of the key, a failure, a hold): on a run's first start (no checkpoint of it can exist yet) whose every delivery
     * the archive records itself — deleted, or tagged {@code replayed} where the selection leaves such records out —
     * so that a resume anywhere skips them without a checkpoint. Saves the default path a GET and a PUT per key.
     */
    private static boolean checkpointsOnDemand(BucketRunState runState, ReplayRequest request) {
        StatusFilter status = request.selection().status();
        return runState.firstStart()
                && switch (request.settings().onSuccess()) {
                    case DELETE -> true;
                    case TAG -> status != StatusFilter.ALL && status != StatusFilter.REPLAYED;
                    case KEEP -> false;
                };
    }

    private static Selection unfiltered(Selection selection) {
        return new Selection(
                selection.consumer(), selection.from(), selection.to(), selection.partitionKey(), StatusFilter.ALL);
    }

    /** Runs the lanes over the selection; returns the keys they held back, in key order. */
    private List<BlockedKey> dispatch(
            Selection selection, ReplayContext context, ObjectMarker marker, BucketRunState runState)
            throws InterruptedException {
        int concurrency = context.settings().concurrency();
        List<Lane> lanes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Fetcher fetcher = new Fetcher(context, concurrency, runState.tagCountTrusted());
        for (int i = 0; i < concurrency; i++) {
            Lane lane = new Lane(context, fetcher);
            lanes.add(lane);
            Thread thread = new Thread(lane, "pipes-replay-lane-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ReplayCounters counters = context.counters();
        // the status filter (one tag read per object) runs in the lanes, in parallel, not in this listing thread
        try (CloseableIterator<ListedObject> objects = selector.select(unfiltered(selection))) {
            while (objects.hasNext() && !context.breaker().isOpen()) {
                ListedObject object = objects.next();
                switch (object.kind()) {
                    case LOSS_MARKER -> counters.lossMarkers.increment();
                    case UNRECOGNIZED -> {
                        counters.notArchiveKeys.increment();
                        context.failureLog().skipped(object.s3Key(), "NotAnArchiveKey", object.problem());
                    }
                    case RECORD -> {
                        if (context.journal().wasDelivered(object.s3Key())) {
                            counters.alreadyDelivered.increment();
                            if (context.journal().needsMarking(object.s3Key())) {
                                marker.delivered(object.s3Key(), null); // finish what the earlier run could not
                            }
                        } else {
                            String orderingKey = object.key().encodedPartitionKey();
                            lanes.get(Math.floorMod(orderingKey.hashCode(), concurrency))
                                    .put(object, orderingKey);
                        }
                    }
                }
            }
        } finally {
            for (Lane lane : lanes) {
                lane.finish();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            fetcher.close();
        }
        List<BlockedKey> blocked = new ArrayList<>();
        lanes.forEach(lane -> blocked.addAll(lane.blockedKeys()));
        blocked.sort(Comparator.comparing(BlockedKey::partitionKey));
        return blocked;
    }
}
