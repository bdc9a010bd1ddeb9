package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.replay.state.KeyCheckpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether chunk {@code c > 0} of a key may be sent: only once chunk {@code c - 1} is DONE, never once it ended
 * FAILED or BLOCKED ({@code PlanItem}'s contract; the Map runs a key's chunks in parallel, so this is what keeps
 * order per key across items).
 */
record EarlierChunk(Verdict verdict, int waitSeconds, String why) {

    enum Verdict {
        GO,
        WAIT,
        BLOCKED
    }

    /**
     * While the earlier chunk sends: each wait is one more round of the child's loop (a few events of a Standard
     * workflow's history, 25,000 at most), and a chunk of 10,000 records takes minutes, so 10 s costs little history
     * and starts the chunk at most 10 s late.
     */
    static final int WAIT_WHILE_RUNNING_SECONDS = 10;

    /** Not started yet: the Map reads the plan in order, so it is queued behind MaxConcurrency; look less often. */
    static final int WAIT_WHILE_ABSENT_SECONDS = 30;

    /**
     * A sender saves its checkpoint after its first record and at the end of every invocation, and one invocation lasts
     * at most 15 min (Lambda's limit). A RUNNING checkpoint unchanged for twice that is a sender that died without
     * saving (a Lambda timeout, then the child failed): the key's later chunks end BLOCKED rather than wait for ever.
     */
    static final Duration STALLED_AFTER = Duration.ofMinutes(30);

    static EarlierChunk check(KeyCheckpoints checkpoints, String consumer, String encodedKey, int chunk, Instant now) {
        Optional<KeyCheckpoints.Versioned> earlier = checkpoints.load(consumer, encodedKey, chunk - 1);
        if (earlier.isEmpty()) {
            return new EarlierChunk(Verdict.WAIT, WAIT_WHILE_ABSENT_SECONDS, null);
        }
        KeyCheckpoint checkpoint = earlier.get().checkpoint();
        String name = "chunk " + (chunk - 1);
        return switch (checkpoint.status()) {
            case DONE -> new EarlierChunk(Verdict.GO, 0, null);
            case RUNNING ->
                checkpoint.updatedAt().plus(STALLED_AFTER).isBefore(now)
                        ? new EarlierChunk(
                                Verdict.BLOCKED,
                                0,
                                name + " has not advanced since " + checkpoint.updatedAt() + " (its sender stopped)")
                        : new EarlierChunk(Verdict.WAIT, WAIT_WHILE_RUNNING_SECONDS, null);
            case FAILED, BLOCKED ->
                new EarlierChunk(
                        Verdict.BLOCKED, 0, name + " ended " + checkpoint.status() + ": " + checkpoint.error());
        };
    }
}
