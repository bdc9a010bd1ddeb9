package dev.pipesrecovery.triage;

import java.util.Locale;

/**
 * How bad a finding is. The worst finding of all consumers decides the command's verdict (and exit code), in this
 * order: at risk, attention, unknown, healthy.
 */
public enum Severity {
    /** Records will be lost unless someone acts: time is running out, or the pipe does not read its stream. */
    AT_RISK("AT RISK", "records at risk"),
    /** Something failed or waits (DLQ messages, poison, hydrate failures, losses, replays); time is not short. */
    ATTENTION("ATTENTION", "needs attention"),
    /** An essential check (pipe state, queue depths, time left) could not be made; nothing else was found wrong. */
    UNKNOWN("UNKNOWN", "unknown"),
    HEALTHY("HEALTHY", "healthy");

    private final String label;
    private final String verdict;

    Severity(String label, String verdict) {
        this.label = label;
        this.verdict = verdict;
    }

    /** The verdict in words, when this is the worst finding: "records at risk", "healthy", ... */
    public String verdict() {
        return verdict;
    }

    public String label() {
        return label;
    }

    /** The worse of the two (declaration order: worst first). */
    public Severity worse(Severity other) {
        return other.ordinal() < ordinal() ? other : this;
    }

    /** Lower case with dashes, as {@code --format json} writes it. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
