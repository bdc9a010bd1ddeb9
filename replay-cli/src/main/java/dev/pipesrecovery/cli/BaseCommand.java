package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.Selection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the global options, the wiring and the output writers of picocli. */
abstract class BaseCommand implements Callable<Integer> {

    @ParentCommand
    PipesReplayCommand parent;

    final Wiring wiring() {
        return parent.wiring();
    }

    final AwsOptions aws() {
        return parent.aws();
    }

    final OutputOptions output() {
        return parent.output();
    }

    final PrintWriter out() {
        return parent.out();
    }

    final PrintWriter err() {
        return parent.err();
    }

    final KeyLayout layout() {
        try {
            return new KeyLayout(aws().prefix());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad --prefix: " + e.getMessage());
        }
    }

    /** The archive of {@code --bucket} (a usage error when it is missing). */
    final ArchiveStore archive() {
        aws().requireBucket();
        return wiring().archive(aws());
    }

    final ArchiveSelector selector() {
        KeyLayout layout = layout();
        return new ArchiveSelector(archive(), layout, wiring().clock());
    }

    /** A JSON writer on stdout; closing it leaves stdout open. */
    final JsonGenerator jsonOut() {
        try {
            JsonGenerator generator = new JsonFactory().createGenerator(out()); // not static: --help loads no Jackson
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            return generator.useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Says on stderr what an empty {@code selection} looked for (see {@link NothingMatched}); returns exit code 3. */
    final int nothingMatched(Selection selection) {
        err().println("pipes-replay: "
                + TerminalText.field(NothingMatched.message(
                        aws().bucket(), selection, selector().prefixes(selection))));
        return ExitCodes.NOTHING_MATCHED;
    }

    final void verbose(String message) {
        if (output().verbose()) {
            err().println(message);
        }
    }

    static String bytes(long bytes) {
        return ByteSize.format(bytes);
    }
}
