package dev.pipesrecovery.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runbook stays the one place of every command: each step triage offers must still find its command there. */
class NextStepTest {

    private final Runbook runbook = Runbook.bundled();

    @Test
    void everyStepFindsItsCommandInTheRunbookTheJarCarries() {
        for (NextStep step : NextStep.values()) {
            assertThat(step.command(runbook))
                    .as("%s: a command under #%s", step, step.anchor())
                    .isPresent();
        }
    }

    @Test
    void theBundledRunbookIsDocsRunbookMd() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "runbook.md"));
        assertThat(Runbook.parse(docs).commands()).isEqualTo(runbook.commands());
    }

    @Test
    void knownValuesAreFilledInAndUnsafeOnesLeftAsVariables() {
        String filled = NextStep.fill(
                "aws sqs receive-message --queue-url \"$POISON_URL\" --x \"${CONSUMER}\" "
                        + "--y \"$STREAM\" --z \"${POISON_QUEUE_ARN##*:}\" $(date +%s)",
                Map.of(
                        "POISON_URL",
                        "https://sqs.eu-west-1.amazonaws.com/1/p",
                        "CONSUMER",
                        "orders-api",
                        "STREAM",
                        "a\"; rm -rf ~; echo \"",
                        "POISON_QUEUE_ARN",
                        "arn:aws:sqs:eu-west-1:1:p"));

        assertThat(filled)
                .isEqualTo("aws sqs receive-message --queue-url \"https://sqs.eu-west-1.amazonaws.com/1/p\" "
                        + "--x \"orders-api\" --y \"$STREAM\" --z \"${POISON_QUEUE_ARN##*:}\" $(date +%s)");
        assertThat(NextStep.unset(filled)).containsExactly("STREAM");
    }

    @Test
    void headingsBecomeGitHubAnchors() {
        assertThat(Runbook.anchor("Replaying once the partner API is healthy again"))
                .isEqualTo("replaying-once-the-partner-api-is-healthy-again");
        assertThat(Runbook.anchor("Before you start (once per incident)"))
                .isEqualTo("before-you-start-once-per-incident");
        assertThat(Runbook.anchor("dlq-has-messages")).isEqualTo("dlq-has-messages");
    }
}
