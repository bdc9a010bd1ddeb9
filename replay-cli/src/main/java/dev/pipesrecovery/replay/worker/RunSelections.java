package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.StoredObject;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.BucketRunState;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunStateKeys;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each run selected, read from its {@code run.json} once per run and kept for the life of the worker (a Lambda
 * execution environment serves many invocations of one run): the status filter, which the worker checks record by
 * record (the plan does not read tags for {@code pending}, and tags may have changed since planning), and whether
 * S3 gives this worker a GET's tag count ({@link BucketRunState#provesTagCount}: run.json is tagged when the run
 * starts), so that an untagged record's status costs no tag read.
 */
final class RunSelections {

    /** One run's selection as the worker applies it. */
    record RunSelection(StatusFilter status, boolean tagCountTrusted) {}

    private final ArchiveStore store;
    private final Map<String, RunSelection> byRun = new ConcurrentHashMap<>();

    RunSelections(ArchiveStore store) {
        this.store = store;
    }

    /** @throws ReplayItemFailed when run.json is missing or names no known status: the run cannot be judged */
    RunSelection of(RunStateKeys run) {
        return byRun.computeIfAbsent(run.runId(), id -> read(run));
    }

    private RunSelection read(RunStateKeys run) {
        StoredObject json = store.read(run.runJson())
                .orElseThrow(() -> new ReplayItemFailed("run " + run.runId() + " has no " + run.runJson()
                        + ": start managed runs with pipes-replay replay --engine stepfunctions"));
        RunDescription description;
        try {
            description = RunDescription.fromJson(json.body());
        } catch (IllegalArgumentException e) {
            throw new ReplayItemFailed(run.runJson() + " is not a run description");
        }
        StatusFilter status;
        try {
            status = StatusFilter.valueOf(String.valueOf(description.status()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReplayItemFailed(run.runJson() + " names no known status filter: " + description.status());
        }
        return new RunSelection(status, BucketRunState.provesTagCount(json));
    }
}
