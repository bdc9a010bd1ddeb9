package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import dev.pipesrecovery.replay.Payload;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code show}: one archived record by key, or the first N of a selection, with the payload decoded. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show archived records with their payload decoded (pretty JSON when it is JSON):"
                + " one by KEY, or the first --limit of a selection.")
final class ShowCommand extends BaseCommand {

    @Parameters(arity = "0..1", paramLabel = "KEY", description = "An archive object key (as printed by export/show).")
    String key;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N records (default: 10).")
    int limit;

    @Option(names = "--raw", description = "Write only the payload's exact bytes to stdout.")
    boolean raw;

    private int corrupt;
    private int shown;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw CliException.usage("--limit must be >= 1");
        }
        if (key == null && selection.consumer() == null) {
            throw CliException.usage("give a KEY, or --consumer C [--limit N] to show the first records");
        }
        JsonGenerator json = output().json() && !raw ? jsonOut() : null;
        Selection chosen = null;
        if (json != null) {
            json.writeStartArray();
        }
        if (key != null) {
            Optional<byte[]> body = archive().get(key);
            if (body.isEmpty()) {
                throw new CliException(
                        ExitCodes.NOTHING_MATCHED, "no such key in bucket " + aws().bucket() + ": " + key);
            }
            show(key, body.get(), json);
        } else {
            chosen = selection.toSelection(StatusFilter.ALL);
            try (CloseableIterator<ListedObject> objects = selector().select(chosen)) {
                while (objects.hasNext() && shown + corrupt < limit) {
                    ListedObject object = objects.next();
                    if (object.kind() == ListedObject.Kind.RECORD) {
                        archive().get(object.s3Key()).ifPresent(bytes -> showUnchecked(object.s3Key(), bytes, json));
                    }
                }
            }
        }
        if (json != null) {
            json.writeEndArray();
            json.close();
            out().println();
        }
        out().flush();
        if (corrupt > 0) {
            return ExitCodes.SOME_FAILED;
        }
        if (shown == 0) {
            return chosen == null ? ExitCodes.NOTHING_MATCHED : nothingMatched(chosen);
        }
        return ExitCodes.OK;
    }

    private void showUnchecked(String objectKey, byte[] body, JsonGenerator json) {
        try {
            show(objectKey, body, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void show(String objectKey, byte[] body, JsonGenerator json) throws IOException {
        ArchivedRecord record;
        try {
            record = ArchivedRecordCodec.decode(body);
        } catch (InvalidArchivedRecordException e) {
            corrupt++;
            err().println("pipes-replay: corrupt archive object "
                    + TerminalText.field(objectKey + ": " + e.getMessage()));
            return;
        }
        shown++;
        if (raw) {
            out().flush();
            OutputStream rawOut = wiring().rawOut();
            rawOut.write(record.data());
            rawOut.flush();
        } else if (json != null) {
            RecordJson.write(json, objectKey, record);
        } else {
            printText(objectKey, record);
        }
    }

    /** Every field and the payload through {@link TerminalText}: they hold whatever the producer wrote. */
    private void printText(String objectKey, ArchivedRecord record) {
        var failure = record.failure();
        line("key:                 ", objectKey);
        line("consumer:            ", record.consumer());
        line("stream:              ", record.streamArn());
        line(
                "shard / sequence:    ",
                record.shardId() + " / " + record.sequenceNumber()
                        + (record.subSequenceNumber() == null ? "" : " / sub " + record.subSequenceNumber()));
        line("partition key:       ", record.partitionKey());
        line("arrived:             ", record.approximateArrivalTimestamp());
        line("failed:              ", failure.condition() + " (" + failure.source() + ")");
        line("dead-lettered:       ", failure.dlqTimestamp() + " message " + failure.dlqMessageId());
        line("hydrated:            ", failure.hydratedAt());
        Payload payload = Payload.of(record.data());
        line(
                "payload:             ",
                record.data().length + " bytes, " + payload.kind().name().toLowerCase());
        out().println(TerminalText.block(payload.display()));
        out().println();
    }

    private void line(String label, Object value) {
        out().println(label + TerminalText.field(value));
    }
}
