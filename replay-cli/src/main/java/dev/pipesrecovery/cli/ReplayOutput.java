package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.replay.run.ReplayPlan;
import dev.pipesrecovery.replay.run.ReplaySummary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** The plan and the summary of a replay on stdout, as text or (one JSON document per run) JSON. */
final class ReplayOutput {

    /** Blocked keys listed in the text summary (the report lists more). */
    private static final int BLOCKED_KEYS_SHOWN = 10;

    private final PrintWriter out;
    private final boolean json;
    private ObjectNode planJson;

    ReplayOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void plan(ReplayPlan plan, boolean dryRun) {
        if (json) {
            planJson = ReportFile.planJson(plan);
            if (dryRun || plan.selected().objects() == 0) {
                ObjectNode doc = ReportFile.MAPPER.createObjectNode();
                doc.set("plan", planJson);
                doc.put("dryRun", dryRun);
                print(doc);
            }
            return;
        }
        out.println("Plan" + (dryRun ? " (dry run: nothing will be sent)" : "") + ":");
        ReplayPlan.Selected selected = plan.selected();
        out.println("  records:     " + selected.objects() + " (" + BaseCommand.bytes(selected.bytes()) + ")"
                + (plan.status().needsTags()
                        ? ", status '" + plan.status().name().toLowerCase()
                                + "' is checked per object as the run goes (an upper bound)"
                        : ""));
        out.println("  target:      " + plan.target());
        out.println("  rate:        " + (plan.rate() == 0 ? "unlimited" : plan.rate() + " requests/s")
                + ", concurrency " + plan.concurrency());
        out.println("  estimated:   "
                + (plan.estimatedDuration() == null
                        ? "unknown (no rate limit)"
                        : formatDuration(plan.estimatedDuration().toMillis())));
        if (plan.previouslyDelivered() > 0) {
            out.println("  resuming:    " + plan.previouslyDelivered() + " already delivered by an earlier run of "
                    + "this replay (skipped)");
        }
        out.println("  journal:     " + plan.journal());
        if (selected.lossMarkers() > 0) {
            out.println("  !!! " + selected.lossMarkers() + " loss marker(s): records that could not be hydrated "
                    + "cannot be replayed (pipes-replay list shows them)");
        }
        selected.sample().forEach(key -> out.println("  sample:      " + TerminalText.field(key)));
        out.flush();
    }

    void summary(ReplaySummary summary, Path reportFile) {
        if (json) {
            ObjectNode doc = ReportFile.MAPPER.createObjectNode();
            doc.set("plan", planJson);
            doc.set("summary", ReportFile.summaryJson(summary));
            doc.put("report", reportFile.toString());
            print(doc);
            return;
        }
        ReplaySummary.Delivered delivered = summary.delivered();
        ReplaySummary.Skipped skipped = summary.skipped();
        ReplaySummary.NotDelivered notDelivered = summary.notDelivered();
        out.println("Summary of run " + summary.run().id() + ":");
        out.println("  sent:        " + delivered.records() + " (" + BaseCommand.bytes(delivered.bytes()) + ") in "
                + delivered.requests() + " request(s)");
        out.println("  skipped:     " + skipped.alreadyDelivered() + " already delivered, " + skipped.otherStatus()
                + " of another status"
                + (skipped.otherStatusUndelivered() > 0
                        ? " (" + skipped.otherStatusUndelivered() + " of them not delivered yet)"
                        : "")
                + ", " + skipped.missing() + " deleted since listed"
                + (notDelivered.notAttempted() > 0
                        ? ", " + notDelivered.notAttempted() + " not attempted (run " + "stopped)"
                        : ""));
        out.println("  failed:      " + notDelivered.failed()
                + (notDelivered.failed() > 0 ? " " + TerminalText.field(notDelivered.failedByCode()) : ""));
        if (notDelivered.blocked() > 0) {
            heldBack(notDelivered);
        }
        out.println("  duration:    " + formatDuration(summary.run().durationMillis())
                + String.format(
                        Locale.ROOT,
                        ", %.1f records/s, latency p50 %.1f ms p99 %.1f ms",
                        summary.pace().achievedPerSecond(),
                        summary.pace().latencyP50Millis(),
                        summary.pace().latencyP99Millis()));
        warnings(summary);
        out.println("  report:      " + reportFile
                + (summary.files().failuresFile() == null
                        ? ""
                        : " (failures: " + summary.files().failuresFile() + ")"));
        out.flush();
    }

    private void heldBack(ReplaySummary.NotDelivered notDelivered) {
        out.println("  held back:   " + notDelivered.blocked() + " record(s) of " + notDelivered.blockedKeyCount()
                + " partition key(s), behind an earlier record of their key that was not delivered (order "
                + "kept; the same command sends them next time):");
        notDelivered.blockedKeys().stream()
                .limit(BLOCKED_KEYS_SHOWN)
                .forEach(key -> out.println("               "
                        + TerminalText.field(
                                key.partitionKey() + ": " + key.heldBack() + " held, after " + key.cause())));
        if (notDelivered.blockedKeyCount() > BLOCKED_KEYS_SHOWN) {
            out.println("               ... and " + (notDelivered.blockedKeyCount() - BLOCKED_KEYS_SHOWN)
                    + " more key(s) (the report lists "
                    + notDelivered.blockedKeys().size() + ", the failures file "
                    + "every held record)");
        }
    }

    private void warnings(ReplaySummary summary) {
        if (summary.marking().failures() > 0) {
            out.println("  warning:     " + summary.marking().failures() + " object(s) could not be tagged (the "
                    + "journal still prevents re-sending them with this command)");
        }
        if (summary.marking().foreignTagsDropped() > 0) {
            out.println("  warning:     " + summary.marking().foreignTagsDropped() + " object(s) had more tags of "
                    + "their own than S3's 10 leave room for: the last ones were dropped for the replay status (see "
                    + "the failures file)");
        }
        if (summary.marking().checkpointConflicts() > 0) {
            out.println("  warning:     " + summary.marking().checkpointConflicts() + " key(s) stopped: another "
                    + "sender of this run (another machine?) saved their checkpoint first (see the failures file and "
                    + "`pipes-replay status " + summary.run().identity() + "`)");
        }
        if (summary.marking().checkpointFailures() > 0) {
            out.println("  warning:     " + summary.marking().checkpointFailures() + " checkpoint read(s) or "
                    + "write(s) in the bucket failed (this machine's journal still prevents re-sending; another "
                    + "machine may re-send those keys' records)");
        }
        if (summary.files().failuresFileProblem() != null) {
            out.println("  warning:     " + TerminalText.field(summary.files().failuresFileProblem()));
        }
    }

    private void print(ObjectNode doc) {
        try {
            out.println(ReportFile.MAPPER.writeValueAsString(doc));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String formatDuration(long millis) {
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) {
            return millis < 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : seconds + " s";
        }
        return seconds / 3600 > 0
                ? String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
