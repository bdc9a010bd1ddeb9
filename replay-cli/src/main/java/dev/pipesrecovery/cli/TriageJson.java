package dev.pipesrecovery.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pipesrecovery.report.ReplayRun;
import dev.pipesrecovery.triage.ArchiveCounts;
import dev.pipesrecovery.triage.Assessment;
import dev.pipesrecovery.triage.ConsumerFacts;
import dev.pipesrecovery.triage.Finding;
import dev.pipesrecovery.triage.LastHour;
import dev.pipesrecovery.triage.PipeDescription;
import dev.pipesrecovery.triage.QueueAge;
import dev.pipesrecovery.triage.QueueDepth;
import dev.pipesrecovery.triage.Reading;
import dev.pipesrecovery.triage.TimeLeft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * {@code triage --format json}: the same facts and findings for scripts and monitors. Durations are seconds; an
 * unknown part is {@code {"unknown": "<why>"}}; a count CloudWatch had no datapoint for is null. Values are exact
 * (JSON escaping only).
 */
final class TriageJson {

    private TriageJson() {}

    static void write(JsonGenerator json, TriageRun.Result result, int exitCode) {
        try {
            json.writeStartObject();
            json.writeStringField("checkedAt", result.checkedAt().toString());
            json.writeStringField(
                    "status",
                    result.assessments().isEmpty()
                            ? (result.unlisted() == null ? "nothing-to-triage" : "unknown")
                            : Assessment.worst(result.assessments()).jsonName());
            json.writeNumberField("exitCode", exitCode);
            if (result.unlisted() != null) {
                json.writeStringField("unlisted", result.unlisted());
            }
            json.writeArrayFieldStart("consumers");
            for (Assessment assessment : result.assessments()) {
                consumer(json, assessment);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void consumer(JsonGenerator json, Assessment assessment) throws IOException {
        ConsumerFacts facts = assessment.facts();
        json.writeStartObject();
        json.writeStringField("consumer", facts.consumer());
        json.writeStringField("status", assessment.severity().jsonName());
        if (reading(json, "pipe", facts.pipe())) {
            PipeDescription pipe = facts.pipe().value();
            json.writeStringField("arn", pipe.arn());
            json.writeStringField("desiredState", pipe.desiredState());
            json.writeStringField("currentState", pipe.currentState());
            json.writeStringField("stateReason", pipe.stateReason());
            json.writeStringField("source", pipe.sourceArn());
            json.writeStringField("deadLetterArn", pipe.deadLetterArn());
            json.writeObjectField("maximumRecordAgeInSeconds", pipe.maxRecordAgeSeconds());
            json.writeEndObject();
        }
        if (reading(json, "stream", facts.stream())) {
            json.writeStringField("name", facts.stream().value().name());
            json.writeStringField("arn", facts.stream().value().arn());
            json.writeNumberField(
                    "retentionSeconds", facts.stream().value().retention().toSeconds());
            json.writeEndObject();
        }
        queue(json, "dlq", facts.dlq(), facts.dlqAge());
        queue(json, "poisonQueue", facts.poison(), facts.poisonAge());
        timeLeft(json, assessment.timeLeft());
        if (reading(json, "lastHour", facts.lastHour())) {
            LastHour hour = facts.lastHour().value();
            json.writeObjectField("dlqMessagesReceived", hour.dlqMessagesReceived());
            json.writeObjectField("recordsArchived", hour.recordsArchived());
            json.writeObjectField("recordsLost", hour.recordsLost());
            json.writeObjectField("hydrateFailures", hour.hydrateFailures());
            json.writeObjectField("minRetentionHeadroomSeconds", seconds(hour.minHeadroom()));
            json.writeObjectField("pipeExecutionFailed", hour.pipeExecutionFailed());
            json.writeObjectField("pipeTargetStageFailed", hour.pipeTargetStageFailed());
            json.writeEndObject();
        }
        if (reading(json, "archive", facts.archive())) {
            ArchiveCounts archive = facts.archive().value();
            json.writeStringField("since", archive.since().toString());
            json.writeNumberField("records", archive.records());
            json.writeBooleanField("recordsAtLeast", archive.capped());
            json.writeStringField(
                    "newestArrival",
                    archive.newestArrival() == null
                            ? null
                            : archive.newestArrival().toString());
            json.writeNumberField("lossMarkers", archive.lossMarkers());
            json.writeNumberField("lostRecords", archive.lostRecords());
            json.writeBooleanField("lostRecordsAtLeast", !archive.allMarkersRead());
            json.writeNumberField("recordsFromWideRanges", archive.fromWideRanges());
            json.writeEndObject();
        }
        if (reading(json, "replays", facts.replays())) {
            json.writeNumberField("runs", facts.replays().value().runs().size());
            var runs = facts.replays().value().runs();
            if (!runs.isEmpty()) {
                ReplayRun latest = runs.get(runs.size() - 1);
                json.writeObjectFieldStart("latest");
                json.writeStringField("runId", latest.runId());
                json.writeStringField(
                        "startedAt",
                        latest.startedAt() == null ? null : latest.startedAt().toString());
                json.writeStringField("outcome", latest.outcome().words());
                json.writeNumberField("delivered", latest.delivered());
                json.writeNumberField("failed", latest.failed());
                json.writeNumberField("heldBack", latest.blocked());
                json.writeNumberField("notAttempted", latest.notAttempted());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeArrayFieldStart("findings");
        for (Finding finding : assessment.findings()) {
            json.writeStartObject();
            json.writeStringField("severity", finding.severity().jsonName());
            json.writeStringField("id", finding.id());
            json.writeStringField("summary", finding.summary());
            json.writeStringField("next", finding.next());
            json.writeStringField("runbook", finding.runbookLink());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Opens the object of a known reading (true), or writes {@code {"unknown": why}} (false). */
    private static boolean reading(JsonGenerator json, String field, Reading<?> reading) throws IOException {
        json.writeObjectFieldStart(field);
        if (reading.known()) {
            return true;
        }
        json.writeStringField("unknown", reading.unknown());
        json.writeEndObject();
        return false;
    }

    private static void queue(JsonGenerator json, String field, Reading<QueueDepth> depth, Reading<QueueAge> age)
            throws IOException {
        if (!reading(json, field, depth)) {
            return;
        }
        QueueDepth queue = depth.value();
        json.writeStringField("url", queue.url());
        json.writeStringField("arn", queue.arn());
        json.writeNumberField("visible", queue.visible());
        json.writeNumberField("inFlight", queue.inFlight());
        json.writeNumberField("delayed", queue.delayed());
        json.writeObjectField("maxReceiveCount", queue.maxReceiveCount());
        if (age.known()) {
            json.writeNumberField("oldestMessageAgeSeconds", age.value().age().toSeconds());
            json.writeStringField("oldestMessageAgeAsOf", age.value().asOf().toString());
        } else {
            json.writeStringField("oldestMessageAgeUnknown", age.unknown());
        }
        json.writeEndObject();
    }

    private static void timeLeft(JsonGenerator json, TimeLeft time) throws IOException {
        json.writeObjectFieldStart("timeLeft");
        json.writeNumberField("waiting", time.waiting());
        json.writeBooleanField("atRisk", time.atRisk());
        json.writeObjectField("seconds", seconds(time.left()));
        json.writeBooleanField("lowerBound", time.lowerBound());
        json.writeStringField("basis", time.basis());
        json.writeObjectField("atRiskBelowSeconds", seconds(time.atRiskBelow()));
        json.writeStringField("unknown", time.unknown());
        json.writeEndObject();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
