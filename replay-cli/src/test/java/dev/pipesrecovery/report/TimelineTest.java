package dev.pipesrecovery.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void apportionKeepsTheTotalExactAndFollowsTheWeights() {
        assertThat(Timeline.apportion(10, Map.of("a", 1L, "b", 1L, "c", 1L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 4L, "b", 3L, "c", 3L));
        assertThat(Timeline.apportion(7, Map.of("a", 7L))).containsExactlyEntriesOf(Map.of("a", 7L));
        assertThat(Timeline.apportion(5, Map.of())).containsExactlyEntriesOf(Map.of(Series.NOT_READ, 5L));
        assertThat(Timeline.apportion(1, Map.of("a", 99L, "b", 1L))).containsExactlyEntriesOf(Map.of("a", 1L));
    }

    @Test
    void bucketsArePerMinuteUpToTwelveHoursThenWider() {
        assertThat(Timeline.autoBucketMinutes(0, 719)).isEqualTo(1);
        assertThat(Timeline.autoBucketMinutes(0, 720)).isEqualTo(2);
        assertThat(Timeline.autoBucketMinutes(0, 3 * 24 * 60)).isEqualTo(10);
        assertThat(Timeline.autoBucketMinutes(0, 400L * 24 * 60)).isGreaterThanOrEqualTo(800);
    }

    @Test
    void exactWhenEveryRecordWasReadAndOnlyMinutesWithRecordsHaveABar() {
        MinuteCounts counts = new MinuteCounts();
        ConditionSample sample = new ConditionSample(10);
        String[] arrivals = {"2026-11-21T22:00:01Z", "2026-11-21T22:00:59Z", "2026-11-21T22:05:00Z"};
        for (int i = 0; i < arrivals.length; i++) {
            counts.addArchived(Instant.parse(arrivals[i]));
            sample.offer("k" + i, Instant.parse(arrivals[i]));
            sample.record("k" + i, i == 1 ? "RecordAgeExceeded" : "RetryAttemptsExhausted");
        }
        counts.addLost(Instant.parse("2026-11-21T22:03:10Z"), "RetryAttemptsExhausted", 4);

        Timeline timeline = Timeline.of(counts, sample, 0);

        assertThat(timeline.estimated()).isFalse();
        assertThat(timeline.bucketMinutes()).isEqualTo(1);
        assertThat(timeline.buckets())
                .extracting(b -> b.start().toString())
                .containsExactly("2026-11-21T22:00:00Z", "2026-11-21T22:03:00Z", "2026-11-21T22:05:00Z");
        assertThat(timeline.buckets().get(0).counts())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        new Series("RetryAttemptsExhausted", false), 1L, new Series("RecordAgeExceeded", false), 1L));
        assertThat(timeline.buckets().get(1).counts())
                .containsExactlyEntriesOf(Map.of(new Series("RetryAttemptsExhausted", true), 4L));
        assertThat(timeline.series())
                .containsExactly(
                        new Series("RetryAttemptsExhausted", false),
                        new Series("RecordAgeExceeded", false),
                        new Series("RetryAttemptsExhausted", true));
    }
}
