package dev.pipesrecovery.replay.state;

import java.util.List;
import java.util.Objects;

/**
 * Where a run stands, as its state in the bucket tells it ({@link RunStatusReader}): what it is (run.json), the
 * execution of a managed run, the latest local attempt's totals, and its keys' checkpoints.
 *
 * @param execution null for a local run, or a managed run whose execution.json is missing (started before it existed)
 * @param progress  null for a managed run, or a local run that has not written one yet
 */
public record RunStatus(
        RunStateKeys keys, RunDescription description, RunExecution execution, RunProgress progress, KeyTally tally) {

    /**
     * The checkpoints: how many are in the bucket ({@code listed}), how many were read ({@code read}, at most the
     * reader's limit), their statuses and delivered records (of those read), the FAILED and BLOCKED ones (at most
     * {@link #PROBLEMS_LISTED}, of {@code failed + blocked}) and the ones that could not be read or parsed.
     */
    public record KeyTally(
            long listed,
            long read,
            long done,
            long running,
            long failed,
            long blocked,
            long recordsDelivered,
            List<KeyCheckpoint> problems,
            long unreadable) {

        public static final int PROBLEMS_LISTED = 100;

        public KeyTally {
            problems = List.copyOf(problems);
        }

        public boolean complete() {
            return read == listed;
        }
    }

    public RunStatus {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(tally, "tally");
    }

    public boolean managed() {
        return !"local".equals(description.engine());
    }
}
