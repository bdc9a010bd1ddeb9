package dev.pipesrecovery.cli;

import dev.pipesrecovery.report.ReplayRun;
import dev.pipesrecovery.report.RunHistory;
import dev.pipesrecovery.triage.ArchiveCounts;
import dev.pipesrecovery.triage.Assessment;
import dev.pipesrecovery.triage.Assessor;
import dev.pipesrecovery.triage.ConsumerFacts;
import dev.pipesrecovery.triage.Finding;
import dev.pipesrecovery.triage.HumanDuration;
import dev.pipesrecovery.triage.LastHour;
import dev.pipesrecovery.triage.NextStep;
import dev.pipesrecovery.triage.PipeDescription;
import dev.pipesrecovery.triage.QueueAge;
import dev.pipesrecovery.triage.QueueDepth;
import dev.pipesrecovery.triage.Reading;
import dev.pipesrecovery.triage.TimeLeft;
import dev.pipesrecovery.triage.UtcTime;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@code triage}'s screen: per consumer, one line per fact (or "unknown: why"), then the findings worst first, each
 * with its next command and runbook link. Every value that comes from AWS, the archive or a run report is escaped.
 */
final class TriageScreen {

    private TriageScreen() {}

    static void print(PrintWriter out, TriageRun.Result result, String prefix, int exitCode) {
        out.println("pipes-replay triage · " + UtcTime.of(result.checkedAt()) + " · " + verdict(result) + " (exit "
                + exitCode + ")");
        if (result.assessments().isEmpty()) {
            out.println(
                    result.unlisted() == null
                            ? "No pipe of this region reads a Kinesis stream: nothing to triage."
                            : "unknown: cannot list the region's pipes: " + TerminalText.field(result.unlisted())
                                    + ". Name one with --consumer.");
            return;
        }
        for (Assessment assessment : result.assessments()) {
            out.println();
            consumer(out, assessment);
        }
        if (!prefix.isEmpty() && !prefix.equals(System.getenv("PIPES_REPLAY_PREFIX"))) {
            out.println();
            out.println("The pipes-replay commands above read the archive under prefix '" + TerminalText.field(prefix)
                    + "': export PIPES_REPLAY_PREFIX=" + TerminalText.field(prefix) + " before running them.");
        }
    }

    private static String verdict(TriageRun.Result result) {
        if (result.assessments().isEmpty()) {
            return result.unlisted() == null ? "nothing to triage" : "unknown";
        }
        return Assessment.worst(result.assessments()).verdict();
    }

    private static void consumer(PrintWriter out, Assessment assessment) {
        ConsumerFacts facts = assessment.facts();
        out.println(TerminalText.field(facts.consumer()) + " · "
                + assessment.severity().label());
        line(out, "pipe", facts.pipe(), TriageScreen::pipe);
        line(
                out,
                "stream",
                facts.stream(),
                s -> s.name() + " · retention " + HumanDuration.of(s.retention())
                        + (s.status() == null || s.status().equals("ACTIVE") ? "" : " · " + s.status()));
        line(out, "DLQ", facts.dlq(), q -> queue(q, facts.dlqAge(), facts.checkedAt()));
        line(
                out,
                "poison",
                facts.poison(),
                q -> queue(q, facts.poisonAge(), facts.checkedAt()) + " · shared by every consumer");
        timeLeft(out, assessment.timeLeft());
        line(out, "last hour", facts.lastHour(), TriageScreen::lastHour);
        line(out, "archive", facts.archive(), TriageScreen::archive);
        line(out, "replays", facts.replays(), TriageScreen::replays);
        if (assessment.findings().isEmpty()) {
            out.println("  Nothing found wrong.");
        }
        for (Finding finding : assessment.findings()) {
            out.printf("  %-10s %s%n", finding.severity().label(), TerminalText.field(finding.summary()));
            if (finding.next() != null) {
                List<String> unset = NextStep.unset(finding.next());
                out.println("             next: " + TerminalText.field(finding.next())
                        + (unset.isEmpty()
                                ? ""
                                : "   (set " + String.join(", ", unset)
                                        + " as the runbook's \"Before you start\" says)"));
            }
            out.println("             runbook: " + finding.runbookLink());
        }
    }

    private static <T> void line(PrintWriter out, String label, Reading<T> reading, Function<T, String> show) {
        out.printf(
                "  %-10s %s%n",
                label,
                TerminalText.field(reading.known() ? show.apply(reading.value()) : "unknown: " + reading.unknown()));
    }

    private static String pipe(PipeDescription pipe) {
        return pipe.currentState() + " (desired " + pipe.desiredState() + ")"
                + (pipe.stateReason() == null || pipe.stateReason().isBlank() ? "" : " · reason: " + pipe.stateReason())
                + (pipe.maxRecordAgeSeconds() == null
                        ? ""
                        : " · MaximumRecordAgeInSeconds " + pipe.maxRecordAgeSeconds());
    }

    private static String queue(QueueDepth queue, Reading<QueueAge> age, Instant now) {
        String oldest = age.known()
                ? " · oldest " + HumanDuration.of(age.value().at(now)) + " (CloudWatch, "
                        + UtcTime.of(age.value().asOf()) + ")"
                : queue.total() == 0 ? "" : " · oldest: unknown (" + age.unknown() + ")";
        return queue.name() + " · " + queue.total() + " message(s): " + queue.visible() + " waiting, "
                + queue.inFlight() + " in flight" + (queue.delayed() == 0 ? "" : ", " + queue.delayed() + " delayed")
                + oldest;
    }

    private static void timeLeft(PrintWriter out, TimeLeft time) {
        String text;
        if (time.nothingWaiting()) {
            text = "nothing waits: " + time.basis();
        } else if (time.left() != null) {
            text = Assessor.describe(time)
                    + (time.atRiskBelow() == null
                            ? ""
                            : " (at risk below " + HumanDuration.of(time.atRiskBelow()) + ")");
        } else {
            text = "unknown: " + time.unknown();
        }
        out.printf("  %-10s %s%n", "time left", TerminalText.field(text));
        if (time.left() != null) {
            out.println("             = " + TerminalText.field(time.basis()));
            if (time.unknown() != null) {
                out.println("             not counted: " + TerminalText.field(time.unknown()));
            }
        }
    }

    private static String lastHour(LastHour hour) {
        String hydrate = !hour.hydrateRan()
                ? "hydrate: no invocation for this consumer"
                : "hydrate: " + hour.dlqMessagesReceived() + " DLQ message(s), " + count(hour.recordsArchived())
                        + " archived, " + count(hour.recordsLost()) + " lost, " + count(hour.hydrateFailures())
                        + " failure(s)"
                        + (hour.minHeadroom() == null
                                ? ""
                                : ", lowest headroom " + HumanDuration.of(hour.minHeadroom()));
        return hydrate + " · pipe: " + count(hour.pipeTargetStageFailed()) + " failed target call(s), "
                + count(hour.pipeExecutionFailed()) + " failed execution(s)";
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    private static String archive(ArchiveCounts archive) {
        return (archive.capped() ? "at least " : "") + archive.records() + " record(s) arrived since "
                + UtcTime.of(archive.since())
                + (archive.newestArrival() == null ? "" : " (newest " + UtcTime.of(archive.newestArrival()) + ")")
                + " · " + archive.lossMarkers()
                + " loss marker(s), " + (archive.allMarkersRead() ? "" : "at least ") + archive.lostRecords()
                + " record(s) lost"
                + (archive.fromWideRanges() == 0
                        ? ""
                        : " · " + archive.fromWideRanges() + " from DLQ ranges wider than their batch");
    }

    private static String replays(RunHistory history) {
        if (history.runs().isEmpty()) {
            return "no replay run of this consumer on this machine";
        }
        ReplayRun latest = history.runs().get(history.runs().size() - 1);
        return history.runs().size() + " run(s) on this machine · latest " + latest.runId() + " ("
                + UtcTime.of(latest.startedAt()) + "): "
                + latest.outcome().words() + ", " + latest.delivered() + " delivered, " + latest.failed()
                + " failed, " + latest.blocked() + " held back";
    }
}
