package dev.pipesrecovery.dashboards;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The alarm / monitor ids fixed in the shared decisions; each is a {@code ## <id>} section of docs/runbook.md. */
final class AlarmIds {
    static final List<String> ALL = List.of("dlq-has-messages", "dlq-oldest-message-near-retention",
            "pipe-execution-failed", "pipe-target-stage-failed", "pipe-not-running", "stream-iterator-age-high",
            "hydrate-errors", "hydrate-throttles", "poison-queue-not-empty", "records-lost", "retention-headroom-low",
            "wide-dlq-ranges");

    /**
     * Checked by hand in the runbook: no CloudWatch metric carries a pipe's state (aws-facts §2.2/§4.1), so neither
     * CloudWatch nor Datadog can alarm on it from metrics; the CloudFormation module may still add an alarm.
     */
    static final List<String> RUNBOOK_ONLY = List.of("pipe-not-running");

    /** Alarm descriptions and monitor messages end with this line. */
    private static final Pattern RUNBOOK_LINK = Pattern.compile("Runbook: docs/runbook\\.md#([a-z0-9-]+)$");

    private AlarmIds() {
    }

    /** The id a description or message links to, when it ends with the runbook link. */
    static Optional<String> runbookLink(String text) {
        Matcher matcher = RUNBOOK_LINK.matcher(text.stripTrailing());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
