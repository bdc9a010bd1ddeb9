package dev.pipesrecovery.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state-dir}: this machine's replay state, written by {@code replay}, read by {@code report} and {@code triage}. */
final class StateDirOption {

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "This machine's replay state: journals (for resuming) and run reports, which report and "
                    + "triage read (default: ~/.pipes-replay).")
    Path dir;

    /** The directory given, else the wiring's default. */
    Path resolve(Wiring wiring) {
        return dir != null ? dir : wiring.defaultStateDir();
    }
}
