package dev.pipesrecovery.replay.run;

import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.target.ReplayTarget;
import java.nio.file.Path;
import java.util.Objects;

/** One replay run: what, where, how, and where its journal and report go. */
public record ReplayRequest(
        Selection selection,
        ReplayTarget target,
        ReplaySettings settings,
        String runId,
        String runIdentity,
        Path stateDir) {

    public ReplayRequest {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(runIdentity, "runIdentity");
        Objects.requireNonNull(stateDir, "stateDir");
    }

    public Path journalFile() {
        return stateDir.resolve("journals").resolve(runIdentity + ".journal");
    }

    public Path reportFile() {
        return stateDir.resolve("runs").resolve(runId + ".json");
    }

    public Path failuresFile() {
        return stateDir.resolve("runs").resolve(runId + ".failures.jsonl");
    }
}
