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
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReportFile() {
    }

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

    static ObjectNode summaryJson(ReplaySummary summary) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("runId", summary.runId());
        node.put("runIdentity", summary.runIdentity());
        node.put("target", summary.target());
        node.put("startedAt", summary.startedAt().toString());
        node.put("durationMillis", summary.durationMillis());
        node.put("delivered", summary.delivered());
        node.put("deliveredBytes", summary.deliveredBytes());
        node.put("skippedAlreadyDelivered", summary.alreadyDelivered());
        node.put("skippedMissing", summary.missing());
        node.put("skippedOtherStatus", summary.otherStatus());
        node.put("failed", summary.failed());
        ObjectNode byCode = node.putObject("failedByCode");
        summary.failedByCode().forEach(byCode::put);
        node.put("notAttempted", summary.notAttempted());
        node.put("skippedOtherStatusUndelivered", summary.otherStatusUndelivered());
        node.put("blocked", summary.blocked());
        node.put("blockedKeyCount", summary.blockedKeyCount());
        ArrayNode blockedKeys = node.putArray("blockedKeys");
        summary.blockedKeys().forEach(key -> blockedKeys.addObject().put("partitionKey", key.partitionKey())
                .put("cause", key.cause()).put("failedKey", key.failedKey()).put("heldBack", key.heldBack()));
        node.put("notArchiveKeys", summary.notArchiveKeys());
        node.put("lossMarkers", summary.lossMarkers());
        node.put("markFailures", summary.markFailures());
        node.put("foreignTagsDropped", summary.foreignTagsDropped());
        node.put("requests", summary.requests());
        node.put("achievedPerSecond", Math.round(summary.achievedPerSecond() * 10) / 10.0);
        node.put("latencyP50Millis", summary.latencyP50Millis());
        node.put("latencyP99Millis", summary.latencyP99Millis());
        if (summary.circuitBreaker() != null) {
            node.put("circuitBreaker", summary.circuitBreaker());
        }
        node.put("journal", summary.journal());
        if (summary.failuresFile() != null) {
            node.put("failuresFile", summary.failuresFile());
        }
        if (summary.failuresFileProblem() != null) {
            node.put("failuresFileProblem", summary.failuresFileProblem());
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
