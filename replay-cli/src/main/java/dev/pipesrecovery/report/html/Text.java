package dev.pipesrecovery.report.html;

import dev.pipesrecovery.report.IncidentReport;
import dev.pipesrecovery.report.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The sentences and formatted values of the page (plain text: the page escapes them when it writes them). */
final class Text {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Text() {}

    static String scope(IncidentReport report) {
        String where = "s3://" + report.bucket() + "/" + (report.prefix().isEmpty() ? "" : report.prefix() + "/");
        var selection = report.selection();
        String window = selection.from() == null && selection.to() == null
                ? "all arrival times"
                : "arrivals " + (selection.from() == null ? "…" : instant(selection.from())) + " to "
                        + (selection.to() == null ? "now" : instant(selection.to()));
        String key = selection.partitionKey() == null ? "" : ", partition key " + selection.partitionKey();
        String status = selection.status().toString().equalsIgnoreCase("all") ? "" : ", status " + selection.status();
        return "Archive " + where + " · " + window + key + status + " · UTC";
    }

    static String instant(Instant instant) {
        return instant == null ? "—" : SECOND.format(instant);
    }

    static String window(Instant first, Instant last) {
        return first == null ? "no archived record" : MINUTE.format(first) + " → " + MINUTE.format(last);
    }

    static String duration(Instant first, Instant last) {
        if (first == null) {
            return "—";
        }
        Duration d = Duration.between(first, last);
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }

    static String timelineNote(IncidentReport report) {
        Timeline timeline = report.timeline();
        String split = !timeline.estimated()
                ? "Exact counts: every record's condition was read."
                : report.costs().recordReads() == 0
                        ? "No record was read for its condition (--max-reads 0): the bars " + "are exact totals."
                        : "The split by condition is estimated from the records read for it (see below); each bar's total is "
                                + "an exact count.";
        return "By the records' arrival in the stream (ApproximateArrivalTimestamp). Lost records are placed at the "
                + "arrival of the first record of their DLQ message. Empty stretches had no dead-lettered record. "
                + split;
    }

    static String costs(IncidentReport report) {
        IncidentReport.Costs costs = report.costs();
        String reads = costs.recordReads() == report.records()
                ? "every archived record was read (GET) for its condition"
                : Html.count(costs.recordReads()) + " of " + Html.count(report.records())
                        + " archived records were read (GET, a uniform sample; --max-reads " + costs.maxReads()
                        + ") for their condition";
        String keys = report.keysExact()
                ? ""
                : " More distinct partition keys than tracked exactly: a top key's count may be low by up to "
                        + Html.count(report.keysMaxError()) + ".";
        String notKeys = costs.notArchiveKeys() == 0
                ? ""
                : " " + Html.count(costs.notArchiveKeys()) + " object(s) under the listed prefixes are not archive "
                        + "keys and were skipped.";
        return "Counts, keys, shards and arrival times come from one listing of " + Html.count(costs.listedObjects())
                + " object(s) (LIST, 1,000 keys per request); " + reads + "; " + Html.count(costs.markerReads())
                + " loss marker(s) were read (GET). Replay runs come from the local run reports." + keys + notKeys;
    }
}
