package dev.pipesrecovery.replay.plan;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.selection.CloseableIterator;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.selection.Selection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a run's plan as JSON Lines, one {@link PlanItem} per line ({@link PlanLines}), as the selection is listed:
 * nothing but the current item and one listing page per day is held in memory. Step Functions reads the file with
 * {@code ItemReader} {@code InputType: JSONL}, one item per line
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html).
 */
public final class PlanWriter {

    private final KeyMajorListing listing;
    private final KeyLayout layout;
    private final ChunkLimits limits;

    public PlanWriter(KeyMajorListing listing, KeyLayout layout, ChunkLimits limits) {
        this.listing = listing;
        this.layout = layout;
        this.limits = limits;
    }

    public PlanSummary write(String runId, Selection selection, OutputStream out) throws IOException {
        PlanBuilder builder = new PlanBuilder(runId, layout, limits, item -> writeLine(item, out));
        try (CloseableIterator<ListedObject> records = listing.records(selection)) {
            records.forEachRemaining(builder::accept);
            builder.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return new PlanSummary(builder.items(), builder.totalRecords(), builder.totalBytes());
    }

    private static void writeLine(PlanItem item, OutputStream out) {
        try {
            out.write(PlanLines.format(item));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
