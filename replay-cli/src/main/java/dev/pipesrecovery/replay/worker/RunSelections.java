package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunStateKeys;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each run selected, read from its {@code run.json} once per run and kept for the life of the worker (a Lambda
 * execution environment serves many invocations of one run): the status filter the plan was written with, which the
 * worker checks again record by record, since tags may have changed since planning (another run delivered a record).
 */
final class RunSelections {

    private final ArchiveStore store;
    private final Map<String, StatusFilter> byRun = new ConcurrentHashMap<>();

    RunSelections(ArchiveStore store) {
        this.store = store;
    }

    /** @throws ReplayItemFailed when run.json is missing or names no known status: the run cannot be judged */
    StatusFilter status(RunStateKeys run) {
        return byRun.computeIfAbsent(run.runId(), id -> read(run));
    }

    private StatusFilter read(RunStateKeys run) {
        byte[] json = store.get(run.runJson())
                .orElseThrow(() -> new ReplayItemFailed("run " + run.runId() + " has no " + run.runJson()
                        + ": start managed runs with pipes-replay replay --engine stepfunctions"));
        RunDescription description;
        try {
            description = RunDescription.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new ReplayItemFailed(run.runJson() + " is not a run description");
        }
        try {
            return StatusFilter.valueOf(String.valueOf(description.status()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReplayItemFailed(run.runJson() + " names no known status filter: " + description.status());
        }
    }
}
