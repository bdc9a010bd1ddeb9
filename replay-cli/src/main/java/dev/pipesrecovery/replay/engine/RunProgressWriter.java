package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.StoredObject;
import dev.pipesrecovery.replay.state.RunProgress;
import dev.pipesrecovery.replay.state.RunStateKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes the run's {@code progress.json} ({@link RunProgress}) from the counters: every
 * {@link RunProgress#CADENCE_SECONDS} s while the run goes (the engine's ticker) and once at its end. Each write names
 * the version it wrote last; one that finds another (an earlier attempt's, or another machine's) re-reads it and
 * writes over it: the latest attempt's totals are the ones shown. Never throws: a write that fails is counted with
 * the checkpoint failures and tried again at the next tick.
 */
final class RunProgressWriter {

    private final ArchiveStore store;
    private final RunStateKeys keys;
    private final ReplayCounters counters;
    private final Clock clock;
    private final Instant startedAt;
    private String eTag;

    RunProgressWriter(ArchiveStore store, RunStateKeys keys, ReplayCounters counters, Clock clock, Instant startedAt) {
        this.store = store;
        this.keys = keys;
        this.counters = counters;
        this.clock = clock;
        this.startedAt = startedAt;
    }

    synchronized void write(boolean finished, String stopReason) {
        ArchiveWrite write =
                new ArchiveWrite(keys.progress(), progress(finished, stopReason).toJson());
        try {
            Optional<String> written = store.putIfUnchanged(write, eTag);
            if (written.isEmpty()) {
                eTag = store.read(keys.progress()).map(StoredObject::eTag).orElse(null);
                written = store.putIfUnchanged(write, eTag);
            }
            written.ifPresent(e -> eTag = e);
        } catch (RuntimeException e) {
            counters.checkpointFailures.increment();
        }
    }

    private RunProgress progress(boolean finished, String stopReason) {
        return new RunProgress(
                startedAt.toString(),
                clock.instant().toString(),
                finished,
                counters.delivered.sum(),
                counters.failed(),
                counters.blocked.sum(),
                counters.alreadyDelivered.sum(),
                counters.keysDone.sum(),
                counters.keysFailed.sum(),
                counters.keysBlocked.sum(),
                stopReason);
    }
}
