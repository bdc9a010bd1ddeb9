package dev.pipesrecovery.replay.state;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.StoredObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a run's state from the bucket for {@code status}: run.json, execution.json, progress.json (one GET each), one
 * listing of {@code keys/} and one GET per checkpoint, up to a limit (a run of a million keys would take a million
 * GETs). A checkpoint that cannot be read or parsed is counted, not fatal.
 */
public final class RunStatusReader {

    private final ArchiveStore store;

    public RunStatusReader(ArchiveStore store) {
        this.store = store;
    }

    /** The run's status, or empty when the bucket has no run.json for it. */
    public Optional<RunStatus> read(RunStateKeys keys, long checkpointsToRead) {
        Optional<RunDescription> description = optional(keys.runJson(), RunDescription::fromJson);
        if (description.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunStatus(
                keys,
                description.get(),
                optional(keys.execution(), RunExecution::fromJson).orElse(null),
                optional(keys.progress(), RunProgress::fromJson).orElse(null),
                tally(keys, checkpointsToRead)));
    }

    private <T> Optional<T> optional(String key, Function<byte[], T> parse) {
        return optional(store, key, parse);
    }

    /** One of a run's state files, parsed; empty when there is no such key. */
    static <T> Optional<T> optional(ArchiveStore store, String key, Function<byte[], T> parse) {
        return store.read(key).map(StoredObject::body).map(parse);
    }

    private RunStatus.KeyTally tally(RunStateKeys keys, long limit) {
        long listed = 0;
        long read = 0;
        long unreadable = 0;
        long[] byStatus = new long[KeyCheckpoint.Status.values().length];
        long delivered = 0;
        List<KeyCheckpoint> problems = new ArrayList<>();
        try (Stream<ArchiveObject> objects = store.list(keys.checkpoints())) {
            Iterator<ArchiveObject> it = objects.iterator();
            while (it.hasNext()) {
                ArchiveObject object = it.next();
                listed++;
                if (read + unreadable >= limit) {
                    continue; // counted, not read
                }
                KeyCheckpoint checkpoint;
                try {
                    Optional<StoredObject> stored = store.read(object.key());
                    if (stored.isEmpty()) {
                        continue; // gone since listed
                    }
                    checkpoint = KeyCheckpoint.fromJson(stored.get().body());
                } catch (IllegalArgumentException e) {
                    unreadable++;
                    continue;
                }
                read++;
                byStatus[checkpoint.status().ordinal()]++;
                delivered += checkpoint.delivered();
                boolean problem = checkpoint.status() == KeyCheckpoint.Status.FAILED
                        || checkpoint.status() == KeyCheckpoint.Status.BLOCKED;
                if (problem && problems.size() < RunStatus.KeyTally.PROBLEMS_LISTED) {
                    problems.add(checkpoint);
                }
            }
        }
        return new RunStatus.KeyTally(
                listed,
                read,
                byStatus[KeyCheckpoint.Status.DONE.ordinal()],
                byStatus[KeyCheckpoint.Status.RUNNING.ordinal()],
                byStatus[KeyCheckpoint.Status.FAILED.ordinal()],
                byStatus[KeyCheckpoint.Status.BLOCKED.ordinal()],
                delivered,
                problems,
                unreadable);
    }
}
