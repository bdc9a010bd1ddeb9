package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.report.IncidentReport;
import dev.pipesrecovery.report.IncidentScan;
import dev.pipesrecovery.report.ReportSettings;
import dev.pipesrecovery.report.RunHistory;
import dev.pipesrecovery.report.html.Html;
import dev.pipesrecovery.report.html.IncidentPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: one self-contained HTML page for the post-mortem of an incident. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes one self-contained HTML page for the post-mortem (no script, nothing fetched: it "
                    + "opens offline and can be attached to a ticket): dead-lettered and lost records per minute by "
                    + "condition, the top partition keys and shards, every loss marker with its range and reason, and "
                    + "each replay run of the consumer with its outcome (from the run reports in --state-dir).",
            "",
            "Cost: the counts, keys, shards and times come from listing the selection (one LIST request per "
                    + "1,000 objects). GETs: one per loss marker (up to " + IncidentScan.MAX_MARKER_READS
                    + ") and one per "
                    + "archived record read for its condition, at most --max-reads (a uniform sample; with more records "
                    + "the split by condition is estimated and the page says so). --status other than 'all' also reads "
                    + "each record's tags."
        })
final class ReportCommand extends BaseCommand {

    /** Concurrent GETs for the conditions: a few overlap S3's latency without a burst the bucket would notice. */
    private static final int READ_PARALLELISM = 8;

    @Mixin
    SelectionOptions selection;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write the page (default: incident-<consumer>.html, replaced if it exists).")
    Path output;

    @Option(
            names = "--max-reads",
            paramLabel = "N",
            defaultValue = "2000",
            description =
                    "Archived records to read (GET) for their condition (default: ${DEFAULT-VALUE}; 0 reads none).")
    int maxReads;

    @Option(
            names = "--bucket-minutes",
            paramLabel = "N",
            defaultValue = "0",
            description = "Width of the timeline's bars in minutes (default: 1, or wider when the records span more "
                    + "than 12 hours).")
    int bucketMinutes;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "10",
            description = "Rows of the top partition keys and shards (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    StateDirOption stateDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Selection chosen = selection.toSelection(StatusFilter.ALL);
        if (maxReads < 0 || bucketMinutes < 0 || top < 1) {
            throw CliException.usage("--max-reads and --bucket-minutes must be 0 or more, --top 1 or more");
        }
        Path file = output != null
                ? output
                : Path.of("incident-" + (chosen.consumer() == null ? "all" : chosen.consumer()) + ".html");
        Path state = stateDir.resolve(wiring());
        RunHistory runs = RunHistory.read(state.resolve("runs"), chosen.consumer(), layout());
        IncidentScan scan = new IncidentScan(
                selector(),
                archive(),
                wiring().clock(),
                new ReportSettings(maxReads, bucketMinutes, top, READ_PARALLELISM));
        IncidentReport report = scan.scan(chosen, aws().bucket(), runs);
        if (report.empty()) {
            err().println("pipes-replay: nothing matched the selection (no archived record, no loss marker); "
                    + "no report written");
            return ExitCodes.NOTHING_MATCHED;
        }
        byte[] page = IncidentPage.render(report, Version.text()).getBytes(StandardCharsets.UTF_8);
        write(file, page);
        out().printf(
                        "wrote %s (%s): %s record(s) archived, %s lost (%s loss marker(s)), %s replay run(s); "
                                + "read %s record(s) and %s loss marker(s)%n",
                        file,
                        ByteSize.format(page.length),
                        Html.count(report.records()),
                        Html.count(report.lostRecords()),
                        Html.count(report.lossMarkers()),
                        Html.count(report.runs().runs().size()),
                        Html.count(report.costs().recordReads()),
                        Html.count(report.costs().markerReads()));
        out().flush();
        return ExitCodes.OK;
    }

    /** Whole or not at all: a reader never opens half a page. */
    private static void write(Path file, byte[] page) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), ".pipes-replay-report-", ".partial");
        try {
            Files.write(partial, page);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
