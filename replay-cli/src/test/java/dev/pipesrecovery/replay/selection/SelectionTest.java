package dev.pipesrecovery.replay.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.KeyLayout;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a selection lists, and the replay tags that select by status. */
class SelectionTest {

    @Test
    void replayTagsKeepForeignTagsAndDropTheLastOnesOnlyToMakeRoomForTheStatus() {
        Map<String, String> nine = new TreeMap<>();
        for (int i = 0; i < 9; i++) {
            nine.put("t" + i, "v");
        }
        Instant at = Instant.parse("2026-11-21T22:00:00Z");

        ReplayTags.TagSet replayed = ReplayTags.replayed(nine, "run-1", at);
        assertThat(replayed.tags())
                .hasSize(10)
                .containsAllEntriesOf(nine)
                .containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED)
                .doesNotContainKey(ReplayTags.RUN_ID);
        assertThat(replayed.droppedForeignKeys()).isEmpty();

        ReplayTags.TagSet failed = ReplayTags.failed(nine, "run-1", at, "HTTP 400");
        assertThat(failed.tags())
                .hasSize(10)
                .containsEntry(ReplayTags.ERROR, "HTTP 400")
                .containsEntry(ReplayTags.STATUS, ReplayTags.FAILED)
                .doesNotContainKey("t8");
        assertThat(failed.droppedForeignKeys()).containsExactly("t8");

        Map<String, String> earlier = new TreeMap<>(
                Map.of("owner", "sre", ReplayTags.STATUS, ReplayTags.FAILED, ReplayTags.ERROR, "HTTP 500"));
        assertThat(ReplayTags.replayed(earlier, "run-2", at).tags())
                .containsOnlyKeys("owner", ReplayTags.STATUS, ReplayTags.RUN_ID, ReplayTags.REPLAYED_AT);
    }

    @Test
    void selectionListsDayPrefixesAndTheLossMarkersAndWideRangeNoticesOfTheConsumer() {
        ArchiveSelector selector = new ArchiveSelector(
                null, new KeyLayout("archive"), Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

        assertThat(selector.prefixes(new Selection(
                        "orders-api", Instant.parse("2026-11-21T00:00:00Z"), null, null, StatusFilter.ALL)))
                .containsExactly(
                        "archive/orders-api/2026-11-21/",
                        "archive/orders-api/2026-11-22/",
                        "archive/orders-api/2026-11-23/",
                        "archive/orders-api/_lost/",
                        "archive/orders-api/_wide/");
        assertThat(selector.prefixes(new Selection(
                        "orders-api",
                        Instant.parse("2026-11-21T22:00:00Z"),
                        Instant.parse("2026-11-21T23:00:00Z"),
                        "customer/42",
                        StatusFilter.ALL)))
                .containsExactly(
                        "archive/orders-api/2026-11-21/customer%2F42/",
                        "archive/orders-api/_lost/", "archive/orders-api/_wide/");
        assertThat(selector.prefixes(new Selection("orders-api", null, null, null, StatusFilter.ALL)))
                .containsExactly("archive/orders-api/");
        assertThat(selector.prefixes(new Selection(null, null, null, null, StatusFilter.ALL)))
                .containsExactly("archive/");
    }
}
