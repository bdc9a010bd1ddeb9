package dev.pipesrecovery.triage;

import java.util.Objects;

/**
 * One thing that is wrong (or unknown), in one line, with the runbook section that explains it and the command to run
 * next, taken from that section of docs/runbook.md (null when the section has none to offer).
 *
 * @param id   the finding's name in JSON, stable for scripts (e.g. {@code records-at-risk})
 * @param next the runbook's command with the values triage knows filled in, or null
 */
public record Finding(Severity severity, String id, String summary, String runbookSection, String next) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(runbookSection, "runbookSection");
    }

    /** The link the alarms use too: {@code docs/runbook.md#<section>}. */
    public String runbookLink() {
        return "docs/runbook.md#" + runbookSection;
    }
}
