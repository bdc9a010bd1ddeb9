package dev.pipesrecovery.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One replay run as its local report ({@code <state-dir>/runs/<run-id>.json}) tells it; every field may be absent
 * (null) in an older or newer report. Strings come from the run report, which holds archive data (keys): escape them.
 */
public record ReplayRun(
        String file,
        String runId,
        Instant startedAt,
        Long durationMillis,
        String target,
        String consumer,
        long delivered,
        long failed,
        long notAttempted,
        long alreadyDelivered,
        long blocked,
        List<String> blockedKeys,
        String circuitBreaker) {

    public ReplayRun {
        Objects.requireNonNull(file, "file");
        blockedKeys = List.copyOf(blockedKeys);
    }

    /** What the run achieved: the one line a post-mortem needs. */
    public Outcome outcome() {
        if (circuitBreaker != null) {
            return Outcome.CIRCUIT_BREAKER;
        }
        if (blocked > 0) {
            return Outcome.KEYS_BLOCKED;
        }
        if (failed > 0) {
            return Outcome.SOME_FAILED;
        }
        if (notAttempted > 0) {
            return Outcome.INCOMPLETE;
        }
        return delivered + alreadyDelivered == 0 ? Outcome.NOTHING_SENT : Outcome.DONE;
    }

    /** The outcomes, worst first, each with the words the report shows. */
    public enum Outcome {
        CIRCUIT_BREAKER("stopped by the circuit breaker"),
        KEYS_BLOCKED("keys blocked"),
        SOME_FAILED("some failed"),
        INCOMPLETE("not finished"),
        NOTHING_SENT("nothing sent"),
        DONE("done");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** Needs an operator's attention. */
        public boolean bad() {
            return this != DONE && this != NOTHING_SENT;
        }
    }
}
