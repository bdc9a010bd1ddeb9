package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The fixed syntax (shared with the runbook) parses with the production command line, without touching AWS. */
class CommandLineSyntaxTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "list --bucket b --consumer c --from 2026-11-21",
                "--bucket b --prefix p --region eu-west-1 --profile prod --endpoint-url http://localhost:4566 --format json -v "
                        + "--stacktrace list --consumer c --from 2026-11-21T22:00:00Z --to 2026-11-22 --partition-key k "
                        + "--status archived --by-key",
                "show --bucket b some/key.json --raw",
                "show --bucket b --consumer c --limit 5",
                "export --bucket b --consumer c --status all --as csv --output out.csv",
                "replay --bucket b --consumer c --from 2026-11-21 --target http --pipe p --connection conn --rate 10 "
                        + "--concurrency 4 --max-attempts 5 --on-success tag --send-after-failure --yes",
                "replay --bucket b --consumer c --target http --url https://api.example.com/x --header K:V --header A:B "
                        + "--dry-run",
                "replay --bucket b --consumer c --target eventbridge --event-bus bus --source s --detail-type d --on-success "
                        + "delete",
                "replay --bucket b --consumer c --status failed --target kinesis --stream arn:aws:kinesis:us-east-1:1:stream/s "
                        + "--on-success keep"
            })
    void parses(String command) {
        CommandLine.ParseResult result = PipesReplayCommand.newCommandLine().parseArgs(command.split(" "));

        assertThat(result.hasSubcommand()).isTrue();
    }

    @Test
    void noCommandNamesEveryCommand() {
        CommandLine commandLine = PipesReplayCommand.newCommandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute();

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        String firstLine = err.toString().lines().findFirst().orElseThrow();
        for (String command : commandLine.getSubcommands().keySet()) {
            if (!command.equals("help")) {
                assertThat(firstLine)
                        .as("the missing-command line names " + command)
                        .contains(command);
            }
        }
    }

    @Test
    void enumValuesAreAcceptedInAnyCaseAndShownInLowerCase() {
        CommandLine commandLine = PipesReplayCommand.newCommandLine();
        CommandLine.ParseResult result = commandLine.parseArgs(("--format JSON replay --bucket b --consumer c "
                        + "--target HTTP --url https://api.example.com/x --on-success Keep --status FAILED")
                .split(" "));
        CommandLine.ParseResult export = PipesReplayCommand.newCommandLine().parseArgs("export", "--as", "Csv");

        ReplayCommand replay = (ReplayCommand) result.subcommand().commandSpec().userObject();
        assertThat(replay.target.identity())
                .as("the run identity (journal name) does not depend on the case")
                .isEqualTo("http|https://api.example.com/x|null|null|null|null|null|null");
        assertThat(replay.onSuccess.name()).isEqualTo("KEEP");
        assertThat(replay.selection.toSelection(null).status().name()).isEqualTo("FAILED");
        assertThat(((PipesReplayCommand) commandLine.getCommandSpec().userObject())
                        .output()
                        .json())
                .isTrue();
        assertThat(((ExportCommand) export.subcommand().commandSpec().userObject()).format.name())
                .isEqualTo("CSV");
        assertThat(commandLine.getCommandSpec().findOption("--format").completionCandidates())
                .containsExactly("text", "json");
    }

    @Test
    void helpListsTheExitCodesQuickly() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = PipesReplayCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));

        int exitCode = commandLine.execute("--help");

        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains(
                        "Exit codes:",
                        "0   all done",
                        "2   usage",
                        "3   nothing matched",
                        "4   some objects failed",
                        "5   stopped early: the circuit breaker",
                        "1   unexpected error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "show", "export", "replay"})
    void everySubcommandHasHelpWithTheExitCodes(String subcommand) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = PipesReplayCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));

        int exitCode = commandLine.execute(subcommand, "--help");

        assertThat(exitCode).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: pipes-replay " + subcommand, "Exit codes: 0 done");
    }

    @Test
    void anUnknownOptionIsAUsageErrorOfOneLinePlusAHint() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = PipesReplayCommand.newCommandLine();
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute("list", "--bucket", "b", "--colour");

        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines().toList())
                .containsExactly("pipes-replay: Unknown option: '--colour'", "Try 'pipes-replay list --help'.");
    }
}
