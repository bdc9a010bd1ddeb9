package dev.pipesrecovery.archive;

import java.util.Objects;

/** The result of one write in a batch: an outcome, or the failure that prevented it. */
public record WriteResult(ArchiveWrite write, WriteOutcome outcome, RuntimeException failure) {

    public WriteResult {
        Objects.requireNonNull(write, "write");
        if ((outcome == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of outcome and failure must be set");
        }
    }

    public static WriteResult of(ArchiveWrite write, WriteOutcome outcome) {
        return new WriteResult(write, outcome, null);
    }

    public static WriteResult failed(ArchiveWrite write, RuntimeException failure) {
        return new WriteResult(write, null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }
}
