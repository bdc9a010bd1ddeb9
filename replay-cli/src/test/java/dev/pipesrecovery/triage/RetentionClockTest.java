package dev.pipesrecovery.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionClockTest {

    @Test
    void nothingWaitsWhenBothQueuesAreEmpty() {
        TimeLeft time = RetentionClock.estimate(new Facts().build(), null);

        assertThat(time.nothingWaiting()).isTrue();
        assertThat(time.atRisk()).isFalse();
        assertThat(time.atRiskBelow()).isEqualTo(Duration.ofHours(23).dividedBy(2));
    }

    @Test
    void cloudWatchAgeGivesALowerBoundFromRetentionMaximumRecordAgeAndTheMessageAge() {
        TimeLeft time = RetentionClock.estimate(
                new Facts().dlq(3, Facts.age(Duration.ofHours(20))).build(), null);

        assertThat(time.left()).isEqualTo(Duration.ofHours(3)); // 24 h - 1 h - 20 h
        assertThat(time.lowerBound()).isTrue();
        assertThat(time.waiting()).isEqualTo(3);
        assertThat(time.atRisk()).isTrue(); // below (24 h - 1 h) / 2
        assertThat(time.basis()).contains("retention 24 h", "MaximumRecordAgeInSeconds 3600", "20 h", "lower bound");
    }

    @Test
    void theAgeGrowsByTheTimeSinceTheDatapoint() {
        Reading<QueueAge> tenMinutesOld = Reading.of(new QueueAge(Duration.ofHours(10), Facts.NOW.minusSeconds(600)));

        TimeLeft time =
                RetentionClock.estimate(new Facts().dlq(1, tenMinutesOld).build(), null);

        assertThat(time.left()).isEqualTo(Duration.ofHours(13).minusMinutes(10));
        assertThat(time.atRisk()).isFalse();
    }

    @Test
    void aPeekedArrivalTimeIsExactAndWinsWhenItIsOlder() {
        PeekedMessages peeked = new PeekedMessages(4, 4, 0, Facts.NOW.minus(Duration.ofHours(23)), 2);

        TimeLeft time = RetentionClock.estimate(
                new Facts()
                        .dlq(4, Facts.age(Duration.ofHours(1)))
                        .dlqPeek(Reading.of(peeked))
                        .build(),
                null);

        assertThat(time.left()).isEqualTo(Duration.ofHours(1));
        assertThat(time.lowerBound()).isFalse();
        assertThat(time.basis()).contains("4 peeked DLQ message(s)", "sample");
    }

    @Test
    void infiniteMaximumRecordAgeMakesTheCloudWatchBoundMeaningless() {
        TimeLeft time = RetentionClock.estimate(
                new Facts()
                        .pipe(Reading.of(Facts.pipe("RUNNING", "RUNNING", null, -1)))
                        .dlq(2, Facts.age(Duration.ofMinutes(5)))
                        .build(),
                null);

        assertThat(time.left()).isNull();
        assertThat(time.unknown()).contains("MaximumRecordAgeInSeconds is -1", "--peek");
        assertThat(time.atRiskBelow()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void unknownWhenNeitherAnAgeNorAPeekIsAvailable() {
        TimeLeft time = RetentionClock.estimate(
                new Facts().dlq(2, Reading.unknown("access denied")).build(), null);

        assertThat(time.left()).isNull();
        assertThat(time.unknown()).contains("DLQ: its oldest message's age is unknown (access denied)");
        assertThat(time.atRisk()).isFalse();
    }

    @Test
    void aNegativeFigureMeansTheRecordsAreProbablyTrimmed() {
        TimeLeft time = RetentionClock.estimate(
                new Facts().dlq(1, Facts.age(Duration.ofHours(25))).build(), null);

        assertThat(time.left()).isEqualTo(Duration.ofHours(-2));
        assertThat(time.atRisk()).isTrue();
        assertThat(Assessor.describe(time)).contains("possibly trimmed already (2 h past the retention)");
    }

    @Test
    void thePoisonQueueCountsAndTheOverrideDecidesTheThreshold() {
        TimeLeft time = RetentionClock.estimate(
                new Facts().poison(1, Facts.age(Duration.ofHours(2))).build(), Duration.ofHours(22));

        assertThat(time.left()).isEqualTo(Duration.ofHours(21));
        assertThat(time.atRisk()).isTrue();
        assertThat(time.thresholdBasis()).isEqualTo("--at-risk-below");
    }

    @Test
    void anUnknownDlqDepthLeavesTheFigureUnknown() {
        TimeLeft time = RetentionClock.estimate(
                new Facts()
                        .dlq(Reading.unknown("sqs:GetQueueAttributes: denied"))
                        .build(),
                null);

        assertThat(time.nothingWaiting()).isFalse();
        assertThat(time.unknown()).contains("the DLQ's depth is unknown: sqs:GetQueueAttributes: denied");
    }
}
