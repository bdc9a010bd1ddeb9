package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.StatusFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export}: the selection as JSON Lines or CSV, streamed to a file or stdout. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the selected records as JSON Lines or CSV (for post-incident "
                + "documents), to --output FILE or stdout.")
final class ExportCommand extends BaseCommand {

    enum Format {
        JSONL,
        CSV
    }

    static final class Formats extends LowerCaseValues<Format> {
        Formats() {
            super(Format.class);
        }
    }

    @Mixin
    SelectionOptions selection;

    @Option(
            names = "--as",
            paramLabel = "jsonl|csv",
            defaultValue = "jsonl",
            completionCandidates = Formats.class,
            description = "jsonl (one JSON object per line, data in base64 plus the decoded payload) or csv "
                    + "(default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        var chosen = selection.toSelection(StatusFilter.ALL);
        var selector = selector();
        ArchiveStore store = archive();
        long exported = 0;
        long corrupt = 0;
        Writer writer = output == null ? out() : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        try (CloseableIterator<ListedObject> objects = selector.select(chosen)) {
            PrintWriter lines = new PrintWriter(writer);
            JsonFactory factory = new JsonFactory();
            if (format == Format.CSV) {
                lines.print(CsvRow.header() + "\r\n");
            }
            while (objects.hasNext()) {
                ListedObject object = objects.next();
                if (object.kind() != ListedObject.Kind.RECORD) {
                    continue;
                }
                Optional<byte[]> body = store.get(object.s3Key());
                if (body.isEmpty()) {
                    continue; // deleted since listed (e.g. a replay with --on-success delete)
                }
                ArchivedRecord record;
                try {
                    record = ArchivedRecordCodec.decode(body.get());
                } catch (InvalidArchivedRecordException e) {
                    corrupt++;
                    err().println("pipes-replay: corrupt archive object skipped: "
                            + TerminalText.field(object.s3Key() + ": " + e.getMessage()));
                    continue;
                }
                if (format == Format.CSV) {
                    lines.print(CsvRow.of(object.s3Key(), record) + "\r\n");
                } else {
                    JsonGenerator json = factory.createGenerator(lines);
                    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    RecordJson.write(json, object.s3Key(), record);
                    json.close();
                    lines.print('\n');
                }
                exported++;
            }
            lines.flush();
        } finally {
            if (output != null) {
                writer.close();
            }
        }
        if (output != null) {
            err().println("exported " + exported + " record(s) to " + output
                    + (corrupt > 0 ? "; " + corrupt + " corrupt object(s) skipped" : ""));
        }
        if (corrupt > 0) {
            return ExitCodes.SOME_FAILED;
        }
        return exported == 0 ? nothingMatched(chosen) : ExitCodes.OK;
    }
}
