package dev.pipesrecovery.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessorTest {

    private static final Map<String, String> VALUES = Map.of(
            "CONSUMER",
            "orders-api",
            "STREAM",
            "orders",
            "ARCHIVE_BUCKET",
            "archive-bucket",
            "INCIDENT_DATE",
            "2026-11-26",
            "DLQ_URL",
            Facts.DLQ_URL);

    private final Assessor assessor = new Assessor(Runbook.bundled(), null);

    private Assessment assess(Facts facts) {
        return assessor.assess(facts.build(), VALUES);
    }

    @Test
    void aHealthyConsumerHasNoFinding() {
        Assessment assessment = assess(new Facts());

        assertThat(assessment.findings()).isEmpty();
        assertThat(assessment.severity()).isEqualTo(Severity.HEALTHY);
    }

    @Test
    void recordsAtRiskPointToRaisingTheRetentionWithTheValuesFilledIn() {
        Assessment assessment = assess(new Facts().dlq(3, Facts.age(Duration.ofHours(20))));

        assertThat(assessment.severity()).isEqualTo(Severity.AT_RISK);
        Finding first = assessment.findings().get(0);
        assertThat(first.id()).isEqualTo("records-at-risk");
        assertThat(first.summary()).contains("at least 3 h left", "at risk below 11 h 30 min");
        assertThat(first.next())
                .isEqualTo(
                        "aws kinesis increase-stream-retention-period --stream-name \"orders\" --retention-period-hours 168");
        assertThat(first.runbookLink()).isEqualTo("docs/runbook.md#dlq-oldest-message-near-retention");
    }

    @Test
    void aPipeThatShouldRunButDoesNotIsAtRiskAndAStoppedOneNeedsAttention() {
        Assessment failed = assess(
                new Facts().pipe(Reading.of(Facts.pipe("RUNNING", "START_FAILED", "Target returned 403", 3600))));
        Assessment stopped = assess(new Facts().pipe(Reading.of(Facts.pipe("STOPPED", "STOPPED", null, 3600))));

        assertThat(failed.severity()).isEqualTo(Severity.AT_RISK);
        assertThat(failed.findings().get(0).summary())
                .contains(
                        "START_FAILED (desired RUNNING): Target returned 403",
                        "without ever reaching the DLQ",
                        "after 24 h");
        assertThat(failed.findings().get(0).next()).isEqualTo("aws pipes start-pipe --name \"orders-api\"");
        assertThat(stopped.severity()).isEqualTo(Severity.ATTENTION);
        assertThat(stopped.findings().get(0).id()).isEqualTo("pipe-stopped");
    }

    @Test
    void essentialUnknownsAreUnknownAndOthersChangeNothing() {
        Assessment pipeUnknown = assess(new Facts().pipe(Reading.unknown("pipes:DescribePipe: access denied")));
        Assessment metricsUnknown =
                assess(new Facts().lastHour(new LastHour(null, null, null, null, null, null, null)));

        assertThat(pipeUnknown.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(pipeUnknown.findings().get(0).next()).startsWith("aws pipes describe-pipe --name \"orders-api\"");
        assertThat(metricsUnknown.severity()).isEqualTo(Severity.HEALTHY);
    }

    @Test
    void messagesWaitingWithAnUnknownAgeAskForAPeek() {
        Assessment assessment = assess(new Facts().dlq(2, Reading.unknown("no datapoint")));

        assertThat(assessment.findings())
                .extracting(Finding::id)
                .containsExactly("dlq-messages-waiting", "time-left-unknown");
        assertThat(assessment.severity()).isEqualTo(Severity.ATTENTION);
        assertThat(assessment.findings().get(1).next())
                .isEqualTo("pipes-replay triage --bucket \"archive-bucket\" --consumer \"orders-api\" --peek 10");
    }

    @Test
    void failuresLossesAndWaitingReplaysNeedAttention() {
        Assessment assessment = assess(new Facts()
                .poison(2, Reading.unknown("no datapoint"))
                .lastHour(new LastHour(40L, 30L, 2L, 5L, Duration.ofHours(2), 0L, 12L))
                .archive(new ArchiveCounts(Facts.NOW.minus(Duration.ofDays(1)), 30, false, Facts.NOW, 1, 2, 1, 0)));

        assertThat(assessment.findings())
                .extracting(Finding::id)
                .contains(
                        "poison-messages",
                        "hydrate-failures",
                        "pipe-delivery-failing",
                        "retention-headroom-low",
                        "records-lost",
                        "not-replayed");
        assertThat(assessment.findings())
                .filteredOn(f -> f.id().equals("records-lost"))
                .first()
                .satisfies(f -> assertThat(f.summary())
                        .startsWith("2 record(s) lost (1 loss marker(s) in the archive), " + "2 in the last hour"));
        assertThat(assessment.findings())
                .allSatisfy(f -> assertThat(f.next()).as(f.id()).isNotNull());
    }

    @Test
    void recordsFromWideRangesNeedAttentionAndPointAtTheListing() {
        Assessment assessment = assess(new Facts()
                .archive(new ArchiveCounts(Facts.NOW.minus(Duration.ofDays(1)), 30, false, Facts.NOW, 0, 0, 0, 12)));

        assertThat(assessment.findings())
                .filteredOn(f -> f.id().equals("wide-dlq-ranges"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ATTENTION);
                    assertThat(f.summary())
                            .startsWith("12 archived record(s) came from DLQ ranges wider than their " + "batch");
                    assertThat(f.next())
                            .startsWith("pipes-replay list --bucket \"archive-bucket\" --consumer " + "\"orders-api\"");
                });
    }

    @Test
    void severitiesRankAtRiskAttentionUnknownHealthy() {
        assertThat(Severity.ATTENTION.worse(Severity.UNKNOWN)).isEqualTo(Severity.ATTENTION);
        assertThat(Severity.UNKNOWN.worse(Severity.AT_RISK)).isEqualTo(Severity.AT_RISK);
        assertThat(Severity.HEALTHY.worse(Severity.UNKNOWN)).isEqualTo(Severity.UNKNOWN);
    }
}
