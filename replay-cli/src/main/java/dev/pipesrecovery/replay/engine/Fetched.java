package dev.pipesrecovery.replay.engine;

import dev.pipesrecovery.replay.target.ReplayItem;

/**
 * What the {@link Fetcher} made of one listed object: a record to send ({@code item}), or nothing to send — and then
 * possibly a reason ({@code holdCause}, about the object {@code heldBy}) why its partition key must not move on in
 * this run: the object is a record
 * that was not delivered and will not be in this run (excluded by {@code --status} while still pending, corrupt,
 * unreadable), so sending a later record of the key would overtake it.
 */
record Fetched(ReplayItem item, String holdCause, String heldBy) {

    private static final Fetched SKIPPED = new Fetched(null, null, null);

    static Fetched of(ReplayItem item) {
        return new Fetched(item, null, null);
    }

    /** Nothing to send, and nothing owed to the key's order (delivered already, deleted, run stopping). */
    static Fetched skipped() {
        return SKIPPED;
    }

    /** Nothing to send, and the key's later records wait for this one, the object at {@code s3Key}. */
    static Fetched holding(String cause, String s3Key) {
        return new Fetched(null, cause, s3Key);
    }
}
