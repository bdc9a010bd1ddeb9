package dev.pipesrecovery.cli.dist;

import dev.pipesrecovery.cli.PipesReplayCommand;
import dev.pipesrecovery.cli.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the release archive's generated files from the command model, at build time ({@code replay-cli/pom.xml},
 * phase prepare-package): {@code completion/pipes-replay.bash} (picocli's {@link AutoComplete}; works in bash and,
 * through bashcompinit, in zsh) and {@code man/man1/pipes-replay*.1}. Never run by the CLI itself.
 */
public final class DistributionFiles {

    private DistributionFiles() {}

    /** {@code args[0]}: the directory to write into (created if needed). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistributionFiles <output directory>");
        }
        write(Path.of(args[0]));
    }

    static List<Path> write(Path dir) throws IOException {
        CommandLine commandLine = PipesReplayCommand.newCommandLine();
        List<Path> written = new ArrayList<>();
        Path completion = dir.resolve("completion/pipes-replay.bash");
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, AutoComplete.bash("pipes-replay", commandLine), StandardCharsets.UTF_8);
        written.add(completion);
        Path man = dir.resolve("man/man1");
        Files.createDirectories(man);
        String version = Version.text();
        for (CommandSpec spec : pages(commandLine.getCommandSpec())) {
            Path page = man.resolve(ManPage.fileName(spec));
            Files.writeString(page, ManPage.render(spec, version), StandardCharsets.UTF_8);
            written.add(page);
        }
        return written;
    }

    private static List<CommandSpec> pages(CommandSpec root) {
        List<CommandSpec> pages = new ArrayList<>(List.of(root));
        root.subcommands().values().stream()
                .map(CommandLine::getCommandSpec)
                .filter(ManPage::documented)
                .forEach(pages::add);
        return pages;
    }
}
