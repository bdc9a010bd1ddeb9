package dev.pipesrecovery.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.PipesReplayCommand;
import dev.pipesrecovery.testkit.AlarmIds;
import dev.pipesrecovery.triage.Runbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class RunbookTest {
    /**
     * Every runbook command must parse with the real {@code pipes-replay} command line (picocli throws a
     * {@code ParameterException} naming an unknown option, a missing value or a bad subcommand). Parsing touches no AWS.
     */
    private static void parse(List<String> args) {
        PipesReplayCommand.newCommandLine().parseArgs(args.toArray(String[]::new));
    }

    private final Runbook runbook = ProjectFiles.runbook();

    /** The runbook's {@code pipes-replay} commands (the others are AWS CLI calls). */
    private List<Runbook.Command> pipesReplayCommands() {
        return runbook.commands().stream()
                .filter(c -> c.text().startsWith("pipes-replay "))
                .toList();
    }

    @Test
    void hasExactlyOneSectionPerAlarmId() {
        assertThat(runbook.sections()).containsExactlyInAnyOrderElementsOf(AlarmIds.ALL);
    }

    @Test
    void everySectionTellsWhichPipesReplayCommandToRun() {
        List<String> sectionsWithCommands =
                pipesReplayCommands().stream().map(Runbook.Command::section).toList();
        assertThat(AlarmIds.ALL)
                .allSatisfy(id ->
                        assertThat(sectionsWithCommands).as("section %s", id).contains(id));
    }

    @Test
    void everyCommandParsesWithThePipesReplayCommandLine() {
        Map<String, String> variables = sampleValues(runbook.exports());
        List<String> failures = new ArrayList<>();
        for (Runbook.Command command : pipesReplayCommands()) {
            try {
                List<String> words = ShellWords.split(command.text(), variables);
                parse(words.subList(1, words.size()));
            } catch (RuntimeException e) {
                failures.add("[" + command.section() + "] " + command.text() + "\n    -> " + e.getMessage());
            }
        }
        assertThat(pipesReplayCommands()).hasSizeGreaterThan(AlarmIds.ALL.size());
        assertThat(failures).as("runbook commands that do not parse").isEmpty();
    }

    /** SQS has no age attribute (the age of the oldest message is the CloudWatch metric of that name only). */
    @Test
    void everyQueueAttributeTheRunbookAsksSqsForExists() {
        List<String> unknown = new ArrayList<>();
        for (Runbook.Command command : runbook.commands()) {
            if (!command.text().startsWith("aws sqs get-queue-attributes")) {
                continue;
            }
            List<String> words = List.of(command.text().split("\\s+"));
            for (String name : words.subList(words.indexOf("--attribute-names") + 1, words.size())) {
                if (name.startsWith("--")) {
                    break;
                }
                if (QueueAttributeName.fromValue(name) == QueueAttributeName.UNKNOWN_TO_SDK_VERSION) {
                    unknown.add("[" + command.section() + "] " + name);
                }
            }
        }
        assertThat(unknown).as("attributes GetQueueAttributes does not have").isEmpty();
    }

    /**
     * The recovery stack archives under ArchivePrefix ("archive" by default): the runbook's pipes-replay commands list
     * nothing unless the variable --prefix defaults to is set from the stack (ReleaseArchiveIT checks the default).
     */
    @Test
    void pipesReplayReadsTheArchiveUnderTheRecoveryStacksPrefix() {
        assertThat(runbook.commands())
                .map(Runbook.Command::text)
                .filteredOn(c -> c.startsWith("export PIPES_REPLAY_PREFIX="))
                .singleElement()
                .asString()
                .contains("OutputKey=='ArchivePrefix'");
    }

    /**
     * The values the runbook exports; a value computed at run time ({@code $(aws ...)}) becomes a sample, so a real
     * parser sees a realistic literal (e.g. the incident date stays a date the parser checks).
     */
    private static Map<String, String> sampleValues(Map<String, String> exports) {
        Map<String, String> values = new HashMap<>();
        exports.forEach((name, value) -> values.put(
                name, value.startsWith("$(") ? "sample-" + name.toLowerCase().replace('_', '-') : unquote(value)));
        return values;
    }

    private static String unquote(String value) {
        return ShellWords.split(value, name -> {
                    throw new IllegalArgumentException("an exported value refers to $" + name);
                })
                .get(0);
    }
}
