package dev.pipesrecovery.triage;

import dev.pipesrecovery.report.ReplayRun;
import dev.pipesrecovery.report.RunHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one consumer's facts into findings, each with its runbook section and next command. The essential checks
 * (pipe state, queue depths, time left) make an UNKNOWN finding when they fail; the others (metrics, archive, local
 * run reports) are shown as unknown on the screen but do not change the verdict, since the queues already show what
 * they would reveal.
 */
public final class Assessor {

    private final Runbook runbook;
    private final Duration atRiskOverride;

    /** @param atRiskOverride {@code --at-risk-below}, or null for the alarm's threshold */
    public Assessor(Runbook runbook, Duration atRiskOverride) {
        this.runbook = runbook;
        this.atRiskOverride = atRiskOverride;
    }

    /** @param values what the runbook's {@code $VARIABLES} stand for (see {@link RunbookValues}) */
    public Assessment assess(ConsumerFacts facts, Map<String, String> values) {
        TimeLeft time = RetentionClock.estimate(facts, atRiskOverride);
        List<Finding> findings = new ArrayList<>();
        Findings add = (severity, id, summary, step) -> findings.add(new Finding(
                severity,
                id,
                summary,
                step.anchor(),
                step.command(runbook, values).orElse(null)));
        pipe(facts, add);
        queues(facts, time, add);
        lastHour(facts, time, add);
        archiveAndReplays(facts, add);
        return new Assessment(facts, time, findings);
    }

    @FunctionalInterface
    private interface Findings {
        void add(Severity severity, String id, String summary, NextStep step);
    }

    private static void pipe(ConsumerFacts facts, Findings add) {
        if (!facts.pipe().known()) {
            add.add(
                    Severity.UNKNOWN,
                    "pipe-state-unknown",
                    "the pipe's state is unknown: " + facts.pipe().unknown(),
                    NextStep.DESCRIBE_PIPE);
            return;
        }
        PipeDescription pipe = facts.pipe().value();
        String state = "pipe " + pipe.name() + " is " + pipe.currentState() + " (desired " + pipe.desiredState() + ")"
                + (pipe.stateReason() == null || pipe.stateReason().isBlank() ? "" : ": " + pipe.stateReason());
        String trimmed = facts.stream().known()
                ? "the stream trims them after "
                        + HumanDuration.of(facts.stream().value().retention())
                : "the stream trims them after its retention";
        if (pipe.failed()) {
            add.add(
                    Severity.AT_RISK,
                    "pipe-not-running",
                    state + ". It reads nothing: records age in the stream " + "without ever reaching the DLQ, and "
                            + trimmed + " without a trace",
                    NextStep.START_PIPE);
        } else if (pipe.deliberatelyStopped()) {
            add.add(
                    Severity.ATTENTION,
                    "pipe-stopped",
                    state + ", on purpose: records wait in the stream and " + trimmed,
                    NextStep.START_PIPE);
        } else if (!pipe.running()) {
            add.add(Severity.ATTENTION, "pipe-changing-state", state, NextStep.DESCRIBE_PIPE);
        }
    }

    private static void queues(ConsumerFacts facts, TimeLeft time, Findings add) {
        if (!facts.dlq().known()) {
            add.add(
                    Severity.UNKNOWN,
                    "dlq-unknown",
                    "the DLQ's depth is unknown: " + facts.dlq().unknown(),
                    NextStep.COUNT_DLQ);
        } else if (time.atRisk()) {
            add.add(
                    Severity.AT_RISK,
                    "records-at-risk",
                    time.waiting() + " unhydrated message(s): " + describe(time) + " (at risk below "
                            + HumanDuration.of(time.atRiskBelow()) + ")",
                    NextStep.RAISE_RETENTION);
        } else if (time.unknown() != null) {
            add.add(
                    Severity.UNKNOWN,
                    "time-left-unknown",
                    time.waiting() + " unhydrated message(s), time left " + "unknown: " + time.unknown(),
                    NextStep.PEEK_ARRIVAL_TIMES);
        }
        if (facts.dlq().known() && facts.dlq().value().total() > 0 && !time.atRisk()) {
            add.add(
                    Severity.ATTENTION,
                    "dlq-messages-waiting",
                    facts.dlq().value().total() + " message(s) in the DLQ "
                            + "(the hydrate function normally takes them within seconds)"
                            + (time.left() == null ? "" : "; " + describe(time)),
                    NextStep.CHECK_HYDRATE_MAPPING);
        }
        if (!facts.poison().known()) {
            add.add(
                    Severity.UNKNOWN,
                    "poison-unknown",
                    "the poison queue's depth is unknown: " + facts.poison().unknown(),
                    NextStep.READ_POISON);
        } else if (facts.poison().value().total() > 0) {
            Reading<PeekedMessages> peek = facts.poisonPeek();
            String ours = peek != null && peek.known()
                    ? "; " + peek.value().ofConsumer() + " of " + peek.value().read() + " peeked name this consumer"
                    : "";
            add.add(
                    Severity.ATTENTION,
                    "poison-messages",
                    facts.poison().value().total() + " message(s) in the "
                            + "poison queue (shared by every consumer; not retried any more)" + ours,
                    NextStep.READ_POISON);
        }
    }

    /** "at least 3 h left before ...", or that it is probably too late. */
    public static String describe(TimeLeft time) {
        if (time.left().isNegative() || time.left().isZero()) {
            return "the oldest unhydrated record is " + (time.lowerBound() ? "possibly" : "probably")
                    + " trimmed already (" + HumanDuration.of(time.left().negated()) + " past the retention)";
        }
        return (time.lowerBound() ? "at least " : "") + HumanDuration.of(time.left())
                + " left before the stream trims the oldest unhydrated record";
    }

    private static void lastHour(ConsumerFacts facts, TimeLeft time, Findings add) {
        if (!facts.lastHour().known()) {
            return;
        }
        LastHour hour = facts.lastHour().value();
        if (LastHour.count(hour.hydrateFailures()) > 0) {
            add.add(
                    Severity.ATTENTION,
                    "hydrate-failures",
                    hour.hydrateFailures() + " hydrate failure(s) in the last "
                            + "hour: DLQ messages the function could not handle, retried, then moved to the poison queue",
                    NextStep.HYDRATE_ERROR_LINES);
        }
        long pipeFailures = LastHour.count(hour.pipeTargetStageFailed()) + LastHour.count(hour.pipeExecutionFailed());
        if (pipeFailures > 0) {
            add.add(
                    Severity.ATTENTION,
                    "pipe-delivery-failing",
                    "the pipe had " + LastHour.count(hour.pipeTargetStageFailed()) + " failed target call(s) and "
                            + LastHour.count(hour.pipeExecutionFailed())
                            + " failed execution(s) in the last hour: the partner API may still "
                            + "be failing (replay once it answers)",
                    NextStep.CHECK_CONNECTION);
        }
        if (hour.minHeadroom() != null
                && time.atRiskBelow() != null
                && hour.minHeadroom().compareTo(time.atRiskBelow()) < 0) {
            add.add(
                    Severity.ATTENTION,
                    "retention-headroom-low",
                    "the hydrate function reached records with only "
                            + HumanDuration.of(hour.minHeadroom())
                            + " left before trimming (lowest RetentionHeadroomSeconds "
                            + "in the last hour; at risk below " + HumanDuration.of(time.atRiskBelow()) + ")",
                    NextStep.RETENTION_SETTINGS);
        }
    }

    private static void archiveAndReplays(ConsumerFacts facts, Findings add) {
        long lostLastHour = facts.lastHour().known()
                ? LastHour.count(facts.lastHour().value().recordsLost())
                : 0;
        ArchiveCounts archive = facts.archive().orElse(null);
        if ((archive != null && archive.lossMarkers() > 0) || lostLastHour > 0) {
            String markers = archive == null
                    ? ""
                    : (archive.allMarkersRead() ? "" : "at least ") + archive.lostRecords() + " record(s) lost ("
                            + archive.lossMarkers() + " loss marker(s) in the archive)";
            String recent =
                    lostLastHour == 0 ? "" : (markers.isEmpty() ? "" : ", ") + lostLastHour + " in the last hour";
            add.add(
                    Severity.ATTENTION,
                    "records-lost",
                    markers + recent + ": gone from the stream before they were "
                            + "hydrated; only their producer can send them again",
                    NextStep.LOSS_RANGES);
        }
        if (archive != null && archive.fromWideRanges() > 0) {
            add.add(
                    Severity.ATTENTION,
                    "wide-dlq-ranges",
                    archive.fromWideRanges() + " archived record(s) came from "
                            + "DLQ ranges wider than their batch: the pipe may have delivered some of them, so a replay may "
                            + "deliver them twice",
                    NextStep.LIST_WIDE_RANGES);
        }
        ReplayRun latest = facts.replays().known() ? latest(facts.replays().value()) : null;
        if (archive != null && archive.records() > 0 && !covered(latest, archive.newestArrival())) {
            add.add(
                    Severity.ATTENTION,
                    "not-replayed",
                    (archive.capped() ? "at least " : "") + archive.records()
                            + " record(s) archived (arrived since " + UtcTime.of(archive.since())
                            + "), and no replay run on this "
                            + "machine started after the newest arrived (" + UtcTime.of(archive.newestArrival()) + ")",
                    NextStep.PLAN_REPLAY);
        }
        if (latest != null && latest.outcome().bad()) {
            add.add(
                    Severity.ATTENTION,
                    "replay-incomplete",
                    "latest replay run " + latest.runId() + " ("
                            + UtcTime.of(latest.startedAt()) + "): "
                            + latest.outcome().words() + " (" + latest.failed() + " failed, "
                            + latest.blocked() + " held back, " + latest.notAttempted() + " not attempted)",
                    NextStep.RUN_REPLAY_AGAIN);
        }
    }

    private static ReplayRun latest(RunHistory history) {
        return history.runs().isEmpty()
                ? null
                : history.runs().get(history.runs().size() - 1);
    }

    private static boolean covered(ReplayRun latest, Instant newestArrival) {
        return latest != null
                && latest.startedAt() != null
                && newestArrival != null
                && latest.startedAt().isAfter(newestArrival);
    }
}
