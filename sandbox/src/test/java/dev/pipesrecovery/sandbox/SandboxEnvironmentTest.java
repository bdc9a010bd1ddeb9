package dev.pipesrecovery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.PipesReplayCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands the sandbox tells a newcomer to try parse with the real pipes-replay, and up's state file holds them. */
class SandboxEnvironmentTest {

    /** A tried command as pipes-replay receives it: variables as a sample word, no quotes, no trailing comment. */
    private static String[] arguments(String command) {
        String line = command.replaceAll("\\s+#.*$", "")
                .replaceAll("\"\\$[A-Z_]+\"", "sample")
                .replace("\"", "");
        List<String> words = Arrays.asList(line.trim().split("\\s+"));
        return words.subList(1, words.size()).toArray(String[]::new);
    }

    @Test
    void triageComesFirstAndEveryPipesReplayCommandParses() {
        List<String> commands = SandboxEnvironment.tryCommands();

        assertThat(commands.get(0))
                .contains(" triage --consumer \"$SANDBOX_CONSUMER\" --dlq-url \"$SANDBOX_DLQ_URL\" "
                        + "--stream \"$SANDBOX_STREAM\"");
        for (String command :
                commands.stream().filter(c -> c.startsWith("bin/pipes-replay ")).toList()) {
            PipesReplayCommand.newCommandLine().parseArgs(arguments(command)); // throws on an unknown option
        }
    }

    @Test
    void theStateFileCarriesTheCommandsAsCommentsForBinSandboxUpToPrint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sandbox.env");

        SandboxEnvironment.writeStateFile(file, List.of("export SANDBOX_STREAM=orders"));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).contains("export SANDBOX_STREAM=orders");
        assertThat(lines.stream()
                        .filter(l -> l.startsWith(SandboxEnvironment.TRY))
                        .map(l -> l.substring(SandboxEnvironment.TRY.length()))
                        .toList())
                .isEqualTo(SandboxEnvironment.tryCommands());
    }
}
