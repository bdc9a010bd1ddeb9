package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The exit codes are written once ({@link ExitCodes#TABLE}): {@code --help} and every subcommand's help render it,
 * and the READMEs' copies must say the same (surefire runs in replay-cli/, the root README is one level up).
 */
class ExitCodesTest {

    private static final Path README = Path.of("README.md");
    private static final Path ROOT_README = Path.of("..", "README.md");

    @Test
    void theReadmeTableListsEveryCodeWithTheMeaningHelpPrints() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("### Exit codes"));
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| ([^|]+) \\|")
                .matcher(section.substring(0, section.indexOf("\n### ")));
        List<String> readmeRows =
                row.results().map(r -> r.group(1) + " " + r.group(2).strip()).toList();

        assertThat(readmeRows)
                .containsExactlyElementsOf(ExitCodes.TABLE.stream()
                        .map(code -> code.code() + " " + code.meaning())
                        .toList());
        assertThat(section.replaceAll("\\s*\\n\\s*", " ")).contains("`" + ExitCodes.summary() + "`");
    }

    @Test
    void theRootReadmeQuotesTheSummaryEverySubcommandPrints() throws Exception {
        String readme = Files.readString(ROOT_README, StandardCharsets.UTF_8).replaceAll("\\s*\\n\\s*", " ");

        assertThat(readme).contains(ExitCodes.summary());
    }

    @Test
    void helpRendersTheTable() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = PipesReplayCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));

        commandLine.execute("--help");

        String help = out.toString().replaceAll("\\s+", " ");
        ExitCodes.TABLE.forEach(code -> assertThat(help).contains(code.code() + " " + code.meaning()));
    }
}
