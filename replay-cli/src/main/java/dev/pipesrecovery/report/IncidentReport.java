package dev.pipesrecovery.report;

import dev.pipesrecovery.replay.selection.Selection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code pipes-replay report} shows, computed; {@link dev.pipesrecovery.report.html.IncidentPage} renders
 * it. Counts from the listing are exact; {@link Timeline#estimated()} and {@link #keysExact} say what is not.
 *
 * @param firstArrival null when only loss markers matched
 * @param distinctKeys partition keys seen (exact when {@code keysExact})
 * @param keysExact    false when more distinct partition keys were seen than tracked: then each top key's count may
 *                     be low by up to {@code keysMaxError}
 */
public record IncidentReport(
        String bucket,
        String prefix,
        Selection selection,
        Instant generatedAt,
        long records,
        long bytes,
        Instant firstArrival,
        Instant lastArrival,
        Timeline timeline,
        List<TopCounter.Entry> topKeys,
        int distinctKeys,
        boolean keysExact,
        long keysMaxError,
        List<TopCounter.Entry> topShards,
        int shards,
        List<LossEntry> losses,
        long lossMarkers,
        RunHistory runs,
        Costs costs) {

    /** What building the report cost, for the page's "how this was built" line. */
    public record Costs(long listedObjects, long notArchiveKeys, int recordReads, int markerReads, int maxReads) {}

    public IncidentReport {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(timeline, "timeline");
        topKeys = List.copyOf(topKeys);
        topShards = List.copyOf(topShards);
        losses = List.copyOf(losses);
    }

    /** Records lost according to the markers read. */
    public long lostRecords() {
        return losses.stream().mapToLong(LossEntry::lostRecords).sum();
    }

    /** Markers counted but not read (over {@link IncidentScan#MAX_MARKER_READS}). */
    public long unreadMarkers() {
        return lossMarkers - losses.size();
    }

    public String consumerLabel() {
        return selection.consumer() == null ? "all consumers" : selection.consumer();
    }

    /** Nothing in the selection: no archived record and no loss marker. */
    public boolean empty() {
        return records == 0 && lossMarkers == 0;
    }
}
