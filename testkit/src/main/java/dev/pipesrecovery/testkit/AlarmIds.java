package dev.pipesrecovery.testkit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alarm / monitor ids of the shared decisions, for the template and dashboard tests: each is a {@code ## <id>}
 * section of docs/runbook.md, the suffix of its CloudWatch alarm names and the {@code alarm:<id>} tag of its Datadog
 * monitors.
 */
public final class AlarmIds {
    public static final List<String> ALL = List.of(
            "dlq-has-messages",
            "dlq-oldest-message-near-retention",
            "pipe-execution-failed",
            "pipe-target-stage-failed",
            "pipe-not-running",
            "stream-iterator-age-high",
            "hydrate-errors",
            "hydrate-failures",
            "hydrate-throttles",
            "poison-queue-not-empty",
            "records-lost",
            "retention-headroom-low",
            "wide-dlq-ranges",
            "replay-run-failed");

    /**
     * Checked by hand in the runbook: no CloudWatch metric carries a pipe's state (aws-facts §2.2/§4.1), so neither
     * CloudWatch nor Datadog can alarm on it from metrics (a stopped pipe stops reading, which
     * stream-iterator-age-high catches with missing data as breaching).
     */
    public static final List<String> RUNBOOK_ONLY = List.of("pipe-not-running");

    /** Alarm descriptions and monitor messages end with this line. */
    private static final Pattern RUNBOOK_LINK = Pattern.compile("Runbook: docs/runbook\\.md#([a-z0-9-]+)$");

    private AlarmIds() {}

    /** The ids an alarm or a monitor exists for: all but the runbook-only ones. */
    public static List<String> alarmable() {
        return ALL.stream().filter(id -> !RUNBOOK_ONLY.contains(id)).toList();
    }

    /** The id a description or message links to, when it ends with the runbook link. */
    public static Optional<String> runbookLink(String text) {
        Matcher matcher = RUNBOOK_LINK.matcher(text.stripTrailing());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
