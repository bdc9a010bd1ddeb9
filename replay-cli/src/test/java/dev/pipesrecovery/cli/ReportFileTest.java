package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.replay.run.BlockedKey;
import dev.pipesrecovery.replay.run.ReplayPlan;
import dev.pipesrecovery.replay.run.ReplaySummary;
import dev.pipesrecovery.replay.selection.StatusFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report file is a contract (README "The report file"; {@code report} and users' scripts read it): its
 * field names, their order and where each value comes from.
 */
class ReportFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSummaryIsOneFlatObjectWithTheDocumentedFields() throws Exception {
        ReplaySummary summary = new ReplaySummary(
                new ReplaySummary.Run(
                        "run-1",
                        "identity-1",
                        "http POST https://api.example.com/orders",
                        Instant.parse("2026-11-21T23:15:02Z"),
                        184_000),
                new ReplaySummary.Delivered(1829, 1_900_000, 1838),
                new ReplaySummary.Skipped(3, 4, 1, 5, 6, 7),
                new ReplaySummary.NotDelivered(
                        3,
                        Map.of("HTTP 422", 3L),
                        8,
                        2,
                        List.of(new BlockedKey("customer/42", "HTTP 422", "orders-api/k.json", 2)),
                        1),
                new ReplaySummary.Marking(9, 10, 0, 0),
                new ReplaySummary.Pace(9.94, 6.2, 148.0),
                new ReplaySummary.Files(
                        "/state/journals/identity-1.journal", "/state/runs/run-1.failures.jsonl", "cannot write"),
                "the circuit breaker opened");
        ReplayPlan plan = new ReplayPlan(
                new ReplayPlan.Selected(1834, 2_000_000, 1, 0, List.of("orders-api/k.json")),
                StatusFilter.PENDING,
                "http POST https://api.example.com/orders",
                10,
                4,
                Duration.ofSeconds(184),
                0,
                "/state/journals/identity-1.journal");
        Path file = dir.resolve("runs/run-1.json");

        ReportFile.write(file, plan, summary);

        JsonNode report = MAPPER.readTree(file.toFile());
        assertThat(names(report.path("summary")))
                .containsExactly(
                        "runId",
                        "runIdentity",
                        "target",
                        "startedAt",
                        "durationMillis",
                        "delivered",
                        "deliveredBytes",
                        "skippedAlreadyDelivered",
                        "skippedMissing",
                        "skippedOtherStatus",
                        "failed",
                        "failedByCode",
                        "notAttempted",
                        "skippedOtherStatusUndelivered",
                        "blocked",
                        "blockedKeyCount",
                        "blockedKeys",
                        "notArchiveKeys",
                        "lossMarkers",
                        "markFailures",
                        "foreignTagsDropped",
                        "checkpointConflicts",
                        "checkpointFailures",
                        "requests",
                        "achievedPerSecond",
                        "latencyP50Millis",
                        "latencyP99Millis",
                        "circuitBreaker",
                        "journal",
                        "failuresFile",
                        "failuresFileProblem",
                        "complete");
        JsonNode s = report.path("summary");
        assertThat(List.of(
                        s.path("delivered").asLong(),
                        s.path("deliveredBytes").asLong(),
                        s.path("requests").asLong(),
                        s.path("skippedAlreadyDelivered").asLong(),
                        s.path("skippedOtherStatus").asLong(),
                        s.path("skippedOtherStatusUndelivered").asLong(),
                        s.path("skippedMissing").asLong(),
                        s.path("notArchiveKeys").asLong(),
                        s.path("lossMarkers").asLong(),
                        s.path("failed").asLong(),
                        s.path("notAttempted").asLong(),
                        s.path("blocked").asLong(),
                        s.path("blockedKeyCount").asLong(),
                        s.path("markFailures").asLong(),
                        s.path("foreignTagsDropped").asLong()))
                .containsExactly(1829L, 1_900_000L, 1838L, 3L, 4L, 1L, 5L, 6L, 7L, 3L, 8L, 2L, 1L, 9L, 10L);
        assertThat(s.path("failedByCode").path("HTTP 422").asLong()).isEqualTo(3);
        assertThat(s.path("blockedKeys").get(0).path("failedKey").asText()).isEqualTo("orders-api/k.json");
        assertThat(s.path("achievedPerSecond").asDouble()).isEqualTo(9.9);
        assertThat(s.path("circuitBreaker").asText()).isEqualTo("the circuit breaker opened");
        assertThat(s.path("complete").asBoolean()).isFalse();
        assertThat(names(report.path("plan")))
                .containsExactly(
                        "objects",
                        "bytes",
                        "status",
                        "target",
                        "rate",
                        "concurrency",
                        "estimatedSeconds",
                        "lossMarkers",
                        "notArchiveKeys",
                        "previouslyDelivered",
                        "journal",
                        "sample");
        assertThat(report.path("plan").path("status").asText()).isEqualTo("pending");
        assertThat(report.path("plan").path("objects").asLong()).isEqualTo(1834);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
