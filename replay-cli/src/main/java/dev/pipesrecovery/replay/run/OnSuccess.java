package dev.pipesrecovery.replay.run;

/** {@code --on-success}: what happens to an archive object once its record was delivered. */
public enum OnSuccess {
    /** Tag it {@code pipes-replay:status=replayed} with the run id and time (default): kept, and excluded next time. */
    TAG,
    /** Delete it: the archive only keeps what still needs attention. */
    DELETE,
    /** Leave it untouched (the local journal still prevents a re-run of the same replay from re-sending it). */
    KEEP
}
