package dev.pipesrecovery.report.html;

import dev.pipesrecovery.cli.ByteSize;
import dev.pipesrecovery.report.IncidentReport;
import dev.pipesrecovery.report.ReplayRun;
import dev.pipesrecovery.report.Series;
import dev.pipesrecovery.report.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The incident report as one self-contained HTML page: inline CSS and SVG, no script, no font, no request to anywhere
 * (a Content-Security-Policy of {@code default-src 'none'} makes the browser refuse any, should one ever slip in).
 * Every value that comes from the archive or a run report goes through {@link Html#text}.
 */
public final class IncidentPage {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

    private IncidentPage() {}

    /** @param generator who wrote the page: {@code Version.text()} of the CLI, e.g. "pipes-replay 0.1.0-SNAPSHOT" */
    public static String render(IncidentReport report, String generator) {
        String title = "Incident report: " + report.consumerLabel();
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CSP)
                .append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(Html.text(title))
                .append("</title><style>")
                .append(css())
                .append("</style></head><body><main>\n");
        page.append("<header><h1>")
                .append(Html.text(title))
                .append("</h1><p>")
                .append(Html.text(Text.scope(report)))
                .append("</p></header>\n");
        cards(page, report);
        timeline(page, report);
        page.append("<div class=\"columns\"><section>");
        ReportTables.topKeys(page, report);
        page.append("</section><section>");
        ReportTables.topShards(page, report);
        page.append("</section></div>\n");
        ReportTables.losses(page, report);
        ReportTables.runs(page, report.runs());
        page.append("<h2>How this report was built</h2><p class=\"note\">")
                .append(Html.text(Text.costs(report)))
                .append("</p>\n<footer>Generated ")
                .append(Html.text(Text.instant(report.generatedAt())))
                .append(" by ")
                .append(Html.text(generator))
                .append(". Times are UTC. Payloads are never read into this page; keys and reasons are shown escaped."
                        + "</footer>\n</main></body></html>\n");
        return page.toString();
    }

    private static void cards(StringBuilder page, IncidentReport report) {
        page.append("<section class=\"cards\">");
        card(
                page,
                "",
                Html.count(report.records()),
                "records dead-lettered and archived",
                ByteSize.format(report.bytes()));
        card(
                page,
                report.lostRecords() > 0 || report.lossMarkers() > 0 ? "bad" : "ok",
                Html.count(report.lostRecords()),
                "records lost (not archived)",
                Html.count(report.lossMarkers()) + " loss marker(s)");
        card(
                page,
                "",
                Text.duration(report.firstArrival(), report.lastArrival()),
                "arrival window",
                Text.window(report.firstArrival(), report.lastArrival()));
        card(
                page,
                "",
                (report.keysExact() ? "" : "\u2265 ") + Html.count(report.distinctKeys()),
                "partition keys",
                report.keysExact() ? "distinct keys in this selection" : "more than tracked exactly");
        card(page, "", Html.count(report.shards()), "shards", "with dead-lettered records");
        ReplayRun.Outcome worst = report.runs().runs().stream()
                .map(ReplayRun::outcome)
                .min(Comparator.naturalOrder())
                .orElse(null);
        card(
                page,
                worst != null && worst.bad() ? "bad" : "",
                Html.count(report.runs().runs().size()),
                "replay runs",
                worst == null ? "none recorded" : "worst: " + worst.words());
        page.append("</section>\n");
    }

    private static void card(StringBuilder page, String kind, String value, String label, String detail) {
        page.append("<div class=\"card ")
                .append(kind)
                .append("\"><div class=\"value\">")
                .append(Html.text(value))
                .append("</div><div class=\"label\">")
                .append(Html.text(label))
                .append("</div><div class=\"note\">")
                .append(Html.text(detail))
                .append("</div></div>");
    }

    private static void timeline(StringBuilder page, IncidentReport report) {
        Timeline timeline = report.timeline();
        String per = timeline.bucketMinutes() == 1 ? "minute" : timeline.bucketMinutes() + " minutes";
        page.append("<h2>Dead-lettered and lost records per ").append(per).append(", by condition</h2>\n");
        if (timeline.buckets().isEmpty()) {
            page.append("<p class=\"empty\">No records in this selection.</p>\n");
            return;
        }
        Palette palette = new Palette(timeline.series());
        page.append(TimelineSvg.render(timeline, palette)).append("\n<ul class=\"legend\">");
        Map<Series, Long> totals = new HashMap<>();
        timeline.buckets().forEach(b -> b.counts().forEach((s, n) -> totals.merge(s, n, Long::sum)));
        for (Series series : timeline.series()) {
            page.append("<li><span class=\"swatch\" style=\"background:")
                    .append(palette.colour(series))
                    .append("\"></span>")
                    .append(Html.text(series.label()))
                    .append(" (")
                    .append(Html.count(totals.getOrDefault(series, 0L)))
                    .append(")</li>");
        }
        page.append("</ul>\n<p class=\"note\">")
                .append(Html.text(Text.timelineNote(report)))
                .append("</p>\n");
    }

    private static String css() {
        try (InputStream in = IncidentPage.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
