package dev.pipesrecovery.triage;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** One consumer's facts, the time left and the findings (worst first); its severity is the worst finding's. */
public record Assessment(ConsumerFacts facts, TimeLeft timeLeft, List<Finding> findings) {

    public Assessment {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(timeLeft, "timeLeft");
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::severity))
                .toList();
    }

    public Severity severity() {
        return findings.stream().map(Finding::severity).reduce(Severity.HEALTHY, Severity::worse);
    }

    /** The worst severity of several consumers. */
    public static Severity worst(List<Assessment> assessments) {
        return assessments.stream().map(Assessment::severity).reduce(Severity.HEALTHY, Severity::worse);
    }
}
