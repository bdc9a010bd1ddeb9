package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.archive.WideRangeNotice;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.ListingGrouper;
import dev.pipesrecovery.replay.selection.StatusFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code list}: counts and bytes by consumer and day (and key), and every loss marker, shown prominently. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Counts and bytes of archived records by consumer and day (--by-key: and "
                + "partition key), plus the loss markers of records that could not be hydrated.")
final class ListCommand extends BaseCommand {

    @Mixin
    SelectionOptions selection;

    @Option(names = "--by-key", description = "One row per partition key as well.")
    boolean byKey;

    @Override
    public Integer call() throws IOException {
        var chosen = selection.toSelection(StatusFilter.ALL);
        var selector = selector();
        LossMarkers markers = new LossMarkers(archive());
        long notArchiveKeys = 0;
        long fromWideRanges = 0;
        JsonGenerator json = output().json() ? jsonOut() : null;
        ListingGrouper grouper = new ListingGrouper(byKey, json == null ? this::printRow : row -> writeRow(json, row));
        if (json != null) {
            json.writeStartObject();
            json.writeArrayFieldStart("groups");
        } else {
            String keyColumn = byKey ? String.format("%-32s ", "PARTITION KEY") : "";
            out().printf("%-24s %-10s %s%10s %12s%n", "CONSUMER", "DATE", keyColumn, "RECORDS", "BYTES");
        }
        try (CloseableIterator<ListedObject> objects = selector.select(chosen)) {
            while (objects.hasNext()) {
                ListedObject object = objects.next();
                switch (object.kind()) {
                    case RECORD -> grouper.accept(object);
                    case LOSS_MARKER -> markers.add(object.s3Key());
                    case WIDE_RANGE_NOTICE ->
                        fromWideRanges += WideRangeNotice.archivedRecords(selector.layout(), object.s3Key())
                                .orElse(0);
                    case UNRECOGNIZED -> {
                        notArchiveKeys++;
                        verbose("not an archive key, skipped: "
                                + TerminalText.field(object.s3Key() + " (" + object.problem() + ")"));
                    }
                }
            }
        }
        grouper.finish();
        if (json != null) {
            json.writeEndArray();
            json.writeObjectFieldStart("total");
            json.writeNumberField("records", grouper.totalRecords());
            json.writeNumberField("bytes", grouper.totalBytes());
            json.writeEndObject();
            json.writeNumberField("notArchiveKeys", notArchiveKeys);
            json.writeNumberField("recordsFromWideRanges", fromWideRanges);
            LossMarkerOutput.json(json, markers);
            json.writeEndObject();
            json.close();
            out().println();
        } else {
            out().printf(
                            "%-24s %-10s %s%10d %12s%n",
                            "TOTAL",
                            "",
                            byKey ? String.format("%-32s ", "") : "",
                            grouper.totalRecords(),
                            bytes(grouper.totalBytes()));
            LossMarkerOutput.text(out(), markers);
            if (fromWideRanges > 0) {
                out().println(fromWideRanges + " archived record(s) came from DLQ ranges wider than their batch: the "
                        + "pipe may have delivered some of them (see docs/runbook.md#wide-dlq-ranges)");
            }
            if (notArchiveKeys > 0) {
                err().println("warning: " + notArchiveKeys + " object(s) under the listed prefixes are not archive "
                        + "keys and were skipped (-v lists them)");
            }
        }
        out().flush();
        return grouper.totalRecords() + markers.count() == 0 ? nothingMatched(chosen) : ExitCodes.OK;
    }

    private void printRow(ListingGrouper.Row row) {
        out().printf(
                        Locale.ROOT,
                        "%-24s %-10s %s%10d %12s%n",
                        row.consumer(),
                        row.date(),
                        byKey ? String.format("%-32s ", TerminalText.field(row.partitionKey())) : "",
                        row.records(),
                        bytes(row.bytes()));
    }

    private static void writeRow(JsonGenerator json, ListingGrouper.Row row) {
        try {
            json.writeStartObject();
            json.writeStringField("consumer", row.consumer());
            json.writeStringField("date", row.date().toString());
            if (row.partitionKey() != null) {
                json.writeStringField("partitionKey", row.partitionKey());
            }
            json.writeNumberField("records", row.records());
            json.writeNumberField("bytes", row.bytes());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
