package dev.pipesrecovery.replay.run;

/** Receives a replay's progress about once a second, from a background thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total, delivered, failed, elapsedMillis) -> {};

    /** {@code total} is the plan's upper bound; {@code done} counts delivered, skipped and failed objects. */
    void progress(long done, long total, long delivered, long failed, long elapsedMillis);

    /** Called once when the run ends, before the summary. */
    default void finished() {}
}
