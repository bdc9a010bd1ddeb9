package dev.pipesrecovery.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.replay.run.ReplayPlan;
import dev.pipesrecovery.replay.run.ReplaySummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The per-run report ({@code <state-dir>/runs/<run-id>.json}): the plan and the summary, as JSON. */
final class ReportFile {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReportFile() {}

    static ObjectNode planJson(ReplayPlan plan) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("objects", plan.selected().objects());
        node.put("bytes", plan.selected().bytes());
        node.put("status", plan.status().name().toLowerCase());
        node.put("target", plan.target());
        node.put("rate", plan.rate());
        node.put("concurrency", plan.concurrency());
        if (plan.estimatedDuration() == null) {
            node.putNull("estimatedSeconds");
        } else {
            node.put("estimatedSeconds", plan.estimatedDuration().toMillis() / 1000.0);
        }
        node.put("lossMarkers", plan.selected().lossMarkers());
        node.put("notArchiveKeys", plan.selected().notArchiveKeys());
        node.put("previouslyDelivered", plan.previouslyDelivered());
        node.put("journal", plan.journal());
        plan.selected().sample().forEach(node.putArray("sample")::add);
        return node;
    }

    /**
     * The summary as one flat object: the report file's contract (README "The report file"; {@code report}'s
     * RunHistory and users' scripts read it), so the field names and their order stay as they are.
     */
    static ObjectNode summaryJson(ReplaySummary summary) {
        ObjectNode node = MAPPER.createObjectNode();
        ReplaySummary.Run run = summary.run();
        node.put("runId", run.id());
        node.put("runIdentity", run.identity());
        node.put("target", run.target());
        node.put("startedAt", run.startedAt().toString());
        node.put("durationMillis", run.durationMillis());
        ReplaySummary.Delivered delivered = summary.delivered();
        ReplaySummary.Skipped skipped = summary.skipped();
        ReplaySummary.NotDelivered notDelivered = summary.notDelivered();
        node.put("delivered", delivered.records());
        node.put("deliveredBytes", delivered.bytes());
        node.put("skippedAlreadyDelivered", skipped.alreadyDelivered());
        node.put("skippedMissing", skipped.missing());
        node.put("skippedOtherStatus", skipped.otherStatus());
        node.put("failed", notDelivered.failed());
        ObjectNode byCode = node.putObject("failedByCode");
        notDelivered.failedByCode().forEach(byCode::put);
        node.put("notAttempted", notDelivered.notAttempted());
        node.put("skippedOtherStatusUndelivered", skipped.otherStatusUndelivered());
        node.put("blocked", notDelivered.blocked());
        node.put("blockedKeyCount", notDelivered.blockedKeyCount());
        ArrayNode blockedKeys = node.putArray("blockedKeys");
        notDelivered
                .blockedKeys()
                .forEach(key -> blockedKeys
                        .addObject()
                        .put("partitionKey", key.partitionKey())
                        .put("cause", key.cause())
                        .put("failedKey", key.failedKey())
                        .put("heldBack", key.heldBack()));
        node.put("notArchiveKeys", skipped.notArchiveKeys());
        node.put("lossMarkers", skipped.lossMarkers());
        node.put("markFailures", summary.marking().failures());
        node.put("foreignTagsDropped", summary.marking().foreignTagsDropped());
        node.put("checkpointConflicts", summary.marking().checkpointConflicts());
        node.put("checkpointFailures", summary.marking().checkpointFailures());
        node.put("requests", delivered.requests());
        ReplaySummary.Pace pace = summary.pace();
        node.put("achievedPerSecond", Math.round(pace.achievedPerSecond() * 10) / 10.0);
        node.put("latencyP50Millis", pace.latencyP50Millis());
        node.put("latencyP99Millis", pace.latencyP99Millis());
        if (summary.stopReason() != null) {
            node.put("circuitBreaker", summary.stopReason());
        }
        ReplaySummary.Files files = summary.files();
        node.put("journal", files.journal());
        if (files.failuresFile() != null) {
            node.put("failuresFile", files.failuresFile());
        }
        if (files.failuresFileProblem() != null) {
            node.put("failuresFileProblem", files.failuresFileProblem());
        }
        node.put("complete", summary.complete());
        return node;
    }

    static void write(Path file, ReplayPlan plan, ReplaySummary summary) {
        ObjectNode report = MAPPER.createObjectNode();
        report.set("plan", planJson(plan));
        report.set("summary", summaryJson(summary));
        try {
            Files.createDirectories(file.getParent());
            MAPPER.writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report " + file, e);
        }
    }
}
