package dev.pipesrecovery.report.html;

import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.report.IncidentReport;
import dev.pipesrecovery.report.LossEntry;
import dev.pipesrecovery.report.ReplayRun;
import dev.pipesrecovery.report.RunHistory;
import dev.pipesrecovery.report.TopCounter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The page's tables: top partition keys and shards, loss markers, replay runs. Every cell is escaped. */
final class ReportTables {

    private ReportTables() {}

    static void topKeys(StringBuilder page, IncidentReport report) {
        page.append("<h2>Top partition keys</h2>");
        ranking(page, "Partition key", report.topKeys(), report.records());
    }

    static void topShards(StringBuilder page, IncidentReport report) {
        page.append("<h2>Top shards</h2>");
        ranking(page, "Shard", report.topShards(), report.records());
    }

    private static void ranking(StringBuilder page, String what, List<TopCounter.Entry> entries, long total) {
        if (entries.isEmpty()) {
            page.append("<p class=\"empty\">No archived records.</p>");
            return;
        }
        long max = entries.get(0).count();
        page.append("<table class=\"ranking\"><thead><tr><th>")
                .append(what)
                .append("</th><th class=\"num\">Records</th><th class=\"num\">Share</th><th style=\"width:28%\"></th>"
                        + "</tr></thead><tbody>");
        for (TopCounter.Entry entry : entries) {
            page.append("<tr><td class=\"key\">")
                    .append(Html.text(entry.value()))
                    .append("</td><td class=\"num\">")
                    .append(Html.count(entry.count()))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * entry.count() / Math.max(1, total)))
                    .append("</td><td><div class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100.0 * entry.count() / max))
                    .append("%\"></div></td></tr>");
        }
        page.append("</tbody></table>");
    }

    static void losses(StringBuilder page, IncidentReport report) {
        page.append("<h2>Loss markers: records that could not be archived</h2>\n");
        if (report.lossMarkers() == 0) {
            page.append("<p class=\"empty\">None: every dead-lettered record in this selection was archived.</p>\n");
            return;
        }
        page.append("<table><thead><tr><th>First record arrived</th><th>Shard</th><th>Sequence range</th>"
                + "<th class=\"num\">Lost</th><th>Condition</th><th>Reason</th><th>Detected</th></tr></thead><tbody>");
        for (LossEntry loss : report.losses()) {
            LossMarker marker = loss.marker();
            if (marker == null) {
                page.append("<tr><td colspan=\"7\" class=\"mono\">")
                        .append(Html.text(loss.key()))
                        .append(" (unreadable: ")
                        .append(Html.text(loss.problem()))
                        .append(")</td></tr>");
                continue;
            }
            page.append("<tr><td>")
                    .append(Html.text(Text.instant(loss.placedAt())))
                    .append("</td><td class=\"mono\">")
                    .append(Html.text(marker.shardId()))
                    .append("</td><td class=\"mono\">")
                    .append(Html.text(marker.start().value()))
                    .append(" …<br>")
                    .append(Html.text(marker.end().value()))
                    .append("</td><td class=\"num\">")
                    .append(Html.count(marker.lostCount()))
                    .append(" of ")
                    .append(Html.count(marker.expectedCount()))
                    .append("</td><td>")
                    .append(Html.text(loss.condition()))
                    .append("</td><td>")
                    .append(Html.text(marker.reason()))
                    .append("</td><td>")
                    .append(Html.text(Text.instant(marker.detectedAt())))
                    .append("</td></tr>");
        }
        page.append("</tbody></table>\n");
        if (report.unreadMarkers() > 0) {
            page.append("<p class=\"note\">")
                    .append(Html.count(report.unreadMarkers()))
                    .append(" more loss marker(s) were counted but not read: narrow the selection "
                            + "(--from/--to) or use pipes-replay list --format json.</p>\n");
        }
    }

    static void runs(StringBuilder page, RunHistory history) {
        page.append("<h2>Replay runs</h2>\n");
        if (history.runs().isEmpty()) {
            page.append(
                    "<p class=\"empty\">No replay run of this selection's consumer in the local run reports.</p>\n");
        } else {
            page.append("<table><thead><tr><th>Run</th><th>Started</th><th class=\"num\">Took</th><th>Target</th>"
                    + "<th class=\"num\">Delivered</th><th class=\"num\">Failed</th><th class=\"num\">Blocked</th>"
                    + "<th class=\"num\">Not attempted</th><th>Outcome</th></tr></thead><tbody>");
            history.runs().forEach(run -> run(page, run));
            page.append("</tbody></table>\n");
        }
        if (history.withoutConsumer() > 0) {
            page.append("<p class=\"note\">")
                    .append(Html.count(history.withoutConsumer()))
                    .append(" run report(s) do not say which consumer they replayed and are not shown.</p>\n");
        }
        if (!history.unreadable().isEmpty()) {
            page.append("<p class=\"note\">Not run reports, not shown: ")
                    .append(Html.text(String.join("; ", history.unreadable())))
                    .append("</p>\n");
        }
    }

    private static void run(StringBuilder page, ReplayRun run) {
        ReplayRun.Outcome outcome = run.outcome();
        String badge = outcome.bad() ? "bad" : outcome == ReplayRun.Outcome.NOTHING_SENT ? "neutral" : "";
        page.append("<tr><td class=\"mono run\">")
                .append(Html.text(run.runId() == null ? run.file() : run.runId()))
                .append("</td><td>")
                .append(Html.text(Text.instant(run.startedAt())))
                .append("</td><td class=\"num\">")
                .append(run.durationMillis() == null ? "—" : Html.text(took(run.durationMillis())))
                .append("</td><td>")
                .append(Html.text(run.target()))
                .append("</td><td class=\"num\">")
                .append(Html.count(run.delivered()))
                .append("</td><td class=\"num\">")
                .append(Html.count(run.failed()))
                .append("</td><td class=\"num\">")
                .append(Html.count(run.blocked()))
                .append("</td><td class=\"num\">")
                .append(Html.count(run.notAttempted()))
                .append("</td><td><span class=\"badge ")
                .append(badge)
                .append("\">")
                .append(Html.text(outcome.words()))
                .append("</span>");
        if (run.circuitBreaker() != null) {
            page.append("<div class=\"note\">")
                    .append(Html.text(run.circuitBreaker()))
                    .append("</div>");
        }
        page.append("</td></tr>");
        if (!run.blockedKeys().isEmpty()) {
            page.append("<tr><td></td><td colspan=\"8\" class=\"note\">Blocked keys: <span class=\"mono\">")
                    .append(Html.text(String.join(", ", run.blockedKeys())))
                    .append("</span>")
                    .append(run.blocked() > run.blockedKeys().size() ? " …" : "")
                    .append("</td></tr>");
        }
    }

    private static String took(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toMinutes() > 0
                ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
