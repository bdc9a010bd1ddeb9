package dev.pipesrecovery.triage;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which runbook command each kind of finding points to: a heading anchor of docs/runbook.md and how the command
 * starts (plus words it must contain). The command text itself stays in the runbook; a test checks every step still
 * finds one there.
 */
public enum NextStep {
    START_PIPE("pipe-not-running", "aws pipes start-pipe"),
    DESCRIBE_PIPE("pipe-not-running", "aws pipes describe-pipe"),
    RAISE_RETENTION("dlq-oldest-message-near-retention", "aws kinesis increase-stream-retention-period"),
    CHECK_HYDRATE_MAPPING("dlq-oldest-message-near-retention", "aws lambda list-event-source-mappings"),
    PEEK_ARRIVAL_TIMES("dlq-oldest-message-near-retention", "pipes-replay triage", "--peek"),
    COUNT_DLQ("dlq-has-messages", "aws sqs get-queue-attributes"),
    READ_POISON("poison-queue-not-empty", "aws sqs receive-message"),
    HYDRATE_ERROR_LINES("hydrate-failures", "aws logs start-query"),
    LOSS_RANGES("records-lost", "pipes-replay list", "--format json"),
    LIST_WIDE_RANGES("wide-dlq-ranges", "pipes-replay list"),
    CHECK_CONNECTION("pipe-target-stage-failed", "aws events describe-connection"),
    RETENTION_SETTINGS("retention-headroom-low", "aws kinesis describe-stream-summary"),
    PLAN_REPLAY("replaying-once-the-partner-api-is-healthy-again", "pipes-replay replay", "--dry-run"),
    RUN_REPLAY_AGAIN("replaying-once-the-partner-api-is-healthy-again", "pipes-replay replay", "--yes");

    /** Values are put into commands only when they need no shell quoting (AWS names, ARNs, URLs, dates). */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:/@%+=,-]+");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}|\\$([A-Z_][A-Z0-9_]*)");

    private final String anchor;
    private final String start;
    private final String[] also;

    NextStep(String anchor, String start, String... also) {
        this.anchor = anchor;
        this.start = start;
        this.also = also;
    }

    /** The runbook heading the step is under; findings link to it. */
    public String anchor() {
        return anchor;
    }

    /** The runbook's command as written (with its {@code $VARIABLES}), if the runbook still has it. */
    public Optional<String> command(Runbook runbook) {
        return runbook.command(anchor, start, also);
    }

    /**
     * The command with every {@code $NAME} / {@code ${NAME}} triage knows replaced by its value (the runbook quotes
     * them, so a value without shell metacharacters is safe in place); the others stay for the reader to set.
     */
    public Optional<String> command(Runbook runbook, Map<String, String> values) {
        return command(runbook).map(text -> fill(text, values));
    }

    static String fill(String text, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = values.get(name);
            boolean usable = value != null && SAFE_VALUE.matcher(value).matches();
            matcher.appendReplacement(filled, Matcher.quoteReplacement(usable ? value : matcher.group()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The variables still in a filled command (for "set these first"). */
    public static java.util.List<String> unset(String filled) {
        Matcher matcher = VARIABLE.matcher(filled);
        java.util.List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
