package dev.pipesrecovery.replay.state;

import dev.pipesrecovery.archive.ArchiveStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The runs in a bucket, newest first, for {@code status} without a run: one delimiter listing of {@code _runs/} (one
 * request per 1,000 runs, never one per key), one GET of each run's run.json (the only place its start time is), and
 * for the runs kept, one GET of progress.json (a local run) or execution.json (a managed run). Memory holds at most
 * the runs kept. A run folder without a readable run.json is kept too, last, with what is wrong.
 */
public final class RunListing {

    /**
     * One run as cheaply as it can be known.
     *
     * @param description null when run.json is missing or unreadable ({@code problem} says which)
     * @param progress    a local run's latest attempt, or null
     * @param execution   a managed run's execution, or null
     * @param problem     why something could not be read, or null
     */
    public record Run(
            RunStateKeys keys,
            RunDescription description,
            RunProgress progress,
            RunExecution execution,
            String problem) {}

    /** The {@code newest} runs of the {@code found} run folders. */
    public record Page(long found, List<Run> newest) {
        public Page {
            newest = List.copyOf(newest);
        }
    }

    /** Newest start first; runs without a readable start last, then by run id. */
    private static final Comparator<Run> NEWEST_FIRST = Comparator.comparing(
                    (Run run) -> startedAt(run).orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(run -> run.keys().runId());

    private final ArchiveStore store;
    private final String runsPrefix;

    /** @param runsPrefix {@code [<prefix>/]_runs/} ({@code KeyLayout.runsPrefix()}) */
    public RunListing(ArchiveStore store, String runsPrefix) {
        this.store = Objects.requireNonNull(store, "store");
        this.runsPrefix = Objects.requireNonNull(runsPrefix, "runsPrefix");
    }

    public Page newest(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        // the oldest kept run on top, so that a newer one replaces it
        PriorityQueue<Run> kept = new PriorityQueue<>(NEWEST_FIRST.reversed());
        long found = 0;
        try (Stream<String> folders = store.listFolders(runsPrefix)) {
            Iterator<String> it = folders.iterator();
            while (it.hasNext()) {
                String runId = it.next().substring(runsPrefix.length()).replaceFirst("/$", "");
                RunStateKeys keys;
                try {
                    keys = new RunStateKeys(runsPrefix, runId);
                } catch (IllegalArgumentException e) {
                    continue; // not a folder pipes-replay wrote: no run id has that name
                }
                found++;
                kept.add(described(keys));
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }
        List<Run> newest = new ArrayList<>(kept);
        newest.sort(NEWEST_FIRST);
        return new Page(found, newest.stream().map(this::withState).toList());
    }

    private Run described(RunStateKeys keys) {
        try {
            Optional<RunDescription> description = optional(keys.runJson(), RunDescription::fromJson);
            return description
                    .map(found -> new Run(keys, found, null, null, null))
                    .orElseGet(() -> new Run(keys, null, null, null, "no run.json"));
        } catch (RuntimeException e) {
            return new Run(keys, null, null, null, "run.json: " + e.getMessage());
        }
    }

    /** Adds what the run's own summary file says: progress.json (local) or execution.json (managed). */
    private Run withState(Run run) {
        if (run.description() == null) {
            return run;
        }
        try {
            if ("local".equals(run.description().engine())) {
                RunProgress progress =
                        optional(run.keys().progress(), RunProgress::fromJson).orElse(null);
                return new Run(run.keys(), run.description(), progress, null, null);
            }
            RunExecution execution =
                    optional(run.keys().execution(), RunExecution::fromJson).orElse(null);
            return new Run(run.keys(), run.description(), null, execution, null);
        } catch (RuntimeException e) {
            return new Run(run.keys(), run.description(), null, null, e.getMessage());
        }
    }

    private <T> Optional<T> optional(String key, Function<byte[], T> parse) {
        return RunStatusReader.optional(store, key, parse);
    }

    private static Optional<Instant> startedAt(Run run) {
        if (run.description() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(run.description().startedAt()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
