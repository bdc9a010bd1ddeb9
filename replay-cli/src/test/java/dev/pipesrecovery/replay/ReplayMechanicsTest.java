package dev.pipesrecovery.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.KeyLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's small parts, with a fake clock and sleeper: nothing here sleeps for real. */
class ReplayMechanicsTest {

    @TempDir
    Path dir;

    @Test
    void tokenBucketSpacesRequestsEvenly() throws Exception {
        long[] now = {0};
        List<Long> sends = new ArrayList<>();
        TokenBucket bucket = new TokenBucket(4, d -> now[0] += d.toNanos(), () -> now[0]);

        for (int i = 0; i < 9; i++) {
            bucket.acquire();
            sends.add(now[0]);
        }

        assertThat(sends).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L,
                1_250_000_000L, 1_500_000_000L, 1_750_000_000L, 2_000_000_000L);
    }

    @Test
    void unlimitedRateNeverWaits() throws Exception {
        TokenBucket bucket = new TokenBucket(0, d -> {
            throw new AssertionError("slept " + d);
        }, () -> 0);
        for (int i = 0; i < 1000; i++) {
            bucket.acquire();
        }
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresOnlyAndStaysOpen() {
        CircuitBreaker breaker = new CircuitBreaker(3);
        breaker.recordFailure("HTTP 500");
        breaker.recordFailure("HTTP 500");
        breaker.recordSuccess();
        breaker.recordFailure("HTTP 400");
        breaker.recordFailure("HTTP 400");
        assertThat(breaker.isOpen()).isFalse();

        breaker.recordFailure("HTTP 400");

        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.reason()).isEqualTo("the circuit breaker opened: the target kept failing (3 consecutive "
                + "failures, the last one HTTP 400)");
        breaker.recordSuccess();
        assertThat(breaker.isOpen()).isTrue();
    }

    @Test
    void journalSurvivesReopeningAndDropsATornLastLine() throws Exception {
        Path file = dir.resolve("journals/run.journal");
        try (ReplayJournal journal = ReplayJournal.open(file)) {
            journal.recordDelivered(List.of("a/1.json"));
            journal.recordDelivered(List.of("a/2.json"));
        }
        Files.writeString(file, "a/3.js", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // killed mid-write

        try (ReplayJournal journal = ReplayJournal.open(file)) {
            assertThat(journal.wasDelivered("a/1.json")).isTrue();
            assertThat(journal.wasDelivered("a/2.json")).isTrue();
            assertThat(journal.wasDelivered("a/3.js")).isFalse();
            assertThat(journal.wasDelivered("a/3.json")).isFalse();
            journal.recordDelivered(List.of("a/3.json"));
        }

        assertThat(Files.readAllLines(file)).containsExactly("a/1.json", "a/2.json", "a/3.json");
    }

    @Test
    void journalRemembersWhichDeliveredObjectsWereMarked() throws Exception {
        Path file = dir.resolve("journals/marks.journal");
        try (ReplayJournal journal = ReplayJournal.open(file)) {
            journal.recordDelivered(List.of("a/1.json", "a/2.json", "a/3.json"));
            journal.recordMarked("a/1.json");
            journal.recordMarked("a/3.json");
        }

        try (ReplayJournal journal = ReplayJournal.open(file)) {
            assertThat(journal.previouslyDelivered()).isEqualTo(3);
            assertThat(journal.wasDelivered("a/1.json")).isTrue();
            assertThat(journal.needsMarking("a/1.json")).isFalse();
            assertThat(journal.needsMarking("a/2.json")).isTrue();
            assertThat(journal.needsMarking("a/3.json")).isFalse();
            assertThat(journal.needsMarking("a/4.json")).as("never delivered").isFalse();
        }
    }

    @Test
    void replayTagsKeepForeignTagsAndDropTheLastOnesOnlyToMakeRoomForTheStatus() {
        Map<String, String> nine = new TreeMap<>();
        for (int i = 0; i < 9; i++) {
            nine.put("t" + i, "v");
        }
        Instant at = Instant.parse("2026-11-21T22:00:00Z");

        ReplayTags.TagSet replayed = ReplayTags.replayed(nine, "run-1", at);
        assertThat(replayed.tags()).hasSize(10).containsAllEntriesOf(nine)
                .containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED).doesNotContainKey(ReplayTags.RUN_ID);
        assertThat(replayed.droppedForeignKeys()).isEmpty();

        ReplayTags.TagSet failed = ReplayTags.failed(nine, "run-1", at, "HTTP 400");
        assertThat(failed.tags()).hasSize(10).containsEntry(ReplayTags.ERROR, "HTTP 400")
                .containsEntry(ReplayTags.STATUS, ReplayTags.FAILED).doesNotContainKey("t8");
        assertThat(failed.droppedForeignKeys()).containsExactly("t8");

        Map<String, String> earlier = new TreeMap<>(Map.of("owner", "sre", ReplayTags.STATUS, ReplayTags.FAILED,
                ReplayTags.ERROR, "HTTP 500"));
        assertThat(ReplayTags.replayed(earlier, "run-2", at).tags()).containsOnlyKeys("owner", ReplayTags.STATUS,
                ReplayTags.RUN_ID, ReplayTags.REPLAYED_AT);
    }

    @Test
    void deliveredKeysMinusAnotherSetKeepsOnlyItsOwnKeys() {
        DeliveredKeys.Builder all = new DeliveredKeys.Builder();
        DeliveredKeys.Builder some = new DeliveredKeys.Builder();
        for (int i = 0; i < 1000; i++) {
            all.add("key-" + i);
            if (i % 3 == 0) {
                some.add("key-" + i);
            }
        }
        some.add("elsewhere");

        DeliveredKeys rest = all.build().minus(some.build());

        assertThat(rest.size()).isEqualTo(666);
        for (int i = 0; i < 1000; i++) {
            assertThat(rest.contains("key-" + i)).isEqualTo(i % 3 != 0);
        }
    }

    @Test
    void deliveredKeysFindEveryAddedKeyAndNoOther() {
        DeliveredKeys.Builder builder = new DeliveredKeys.Builder();
        for (int i = 0; i < 5000; i += 2) {
            builder.add("key-" + i);
        }
        DeliveredKeys keys = builder.build();

        assertThat(keys.size()).isEqualTo(2500);
        for (int i = 0; i < 5000; i++) {
            assertThat(keys.contains("key-" + i)).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void selectionListsDayPrefixesAndTheLossMarkersAndWideRangeNoticesOfTheConsumer() {
        ArchiveSelector selector = new ArchiveSelector(null, new KeyLayout("archive"),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

        assertThat(selector.prefixes(new Selection("orders-api", Instant.parse("2026-11-21T00:00:00Z"), null,
                null, StatusFilter.ALL))).containsExactly("archive/orders-api/2026-11-21/",
                "archive/orders-api/2026-11-22/", "archive/orders-api/2026-11-23/", "archive/orders-api/_lost/",
                "archive/orders-api/_wide/");
        assertThat(selector.prefixes(new Selection("orders-api", Instant.parse("2026-11-21T22:00:00Z"),
                Instant.parse("2026-11-21T23:00:00Z"), "customer/42", StatusFilter.ALL)))
                .containsExactly("archive/orders-api/2026-11-21/customer%2F42/", "archive/orders-api/_lost/",
                        "archive/orders-api/_wide/");
        assertThat(selector.prefixes(new Selection("orders-api", null, null, null, StatusFilter.ALL)))
                .containsExactly("archive/orders-api/");
        assertThat(selector.prefixes(new Selection(null, null, null, null, StatusFilter.ALL)))
                .containsExactly("archive/");
    }

    @Test
    void idempotencyKeyIsDeterministicPerStreamPosition() {
        String key = IdempotencyKeys.of("arn:aws:kinesis:us-east-1:1:stream/s", "shardId-1", "42", null);

        assertThat(key).isEqualTo(IdempotencyKeys.of("arn:aws:kinesis:us-east-1:1:stream/s", "shardId-1", "42", null))
                .hasSize(64)
                .isNotEqualTo(IdempotencyKeys.of("arn:aws:kinesis:us-east-1:1:stream/s", "shardId-1", "42", 0L))
                .isNotEqualTo(IdempotencyKeys.of("arn:aws:kinesis:us-east-1:1:stream/s", "shardId-2", "42", null));
    }

    @Test
    void latencyQuantilesAreWithinOneBucket() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            histogram.record(Duration.ofMillis(ms).toNanos());
        }

        assertThat(histogram.quantileMillis(0.50)).isBetween(50.0, 50.0 * 1.06);
        assertThat(histogram.quantileMillis(0.99)).isBetween(99.0, 99.0 * 1.06);
    }
}
