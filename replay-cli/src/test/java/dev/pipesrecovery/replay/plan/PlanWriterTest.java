package dev.pipesrecovery.replay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.replay.plan.s3.S3PlanUpload;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The plan against an archive on S3Mock, filled as the hydrate function fills it. */
class PlanWriterTest {

    private static final String CONSUMER = "orders-api";
    private static final Instant DAY1 = Instant.parse("2026-11-21T22:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-22T01:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private final Archive archive = new Archive();
    private final KeyLayout layout = new KeyLayout("");

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void oneLinePerKeyHotKeysInOrderedContiguousChunksAndCountsAndBytesEqualTheArchive() throws IOException {
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            hot.add(archive.put(CONSUMER, "customer/hot", DAY1.plusSeconds(i), "hot-" + i));
        }
        archive.put(CONSUMER, "a", DAY1, "a-1");
        archive.put(CONSUMER, "a", DAY1.plusSeconds(1), "a-2");
        archive.put(CONSUMER, "a-b", DAY1, "ab-1"); // lists before "a/": the merge must compare as S3 lists
        archive.put(CONSUMER, "two-days", DAY1, "2d-1");
        archive.put(CONSUMER, "two-days", DAY2, "2d-2");
        archive.put(CONSUMER, "line\nbreak", DAY2, "lb-1");
        archive.put("payments-api", "a", DAY1, "other consumer");
        archive.putLossMarker(CONSUMER, DAY1.atZone(ZoneOffset.UTC).toLocalDate(), "trimmed");

        List<PlanItem> plan = plan(
                new Selection(CONSUMER, Instant.parse("2026-11-21T00:00:00Z"), null, null, StatusFilter.ALL),
                new ChunkLimits(3, 1 << 20));

        assertThat(plan)
                .extracting(PlanItem::partitionKey, PlanItem::chunk, PlanItem::count)
                .containsExactly(
                        tuple("a-b", 0, 1L),
                        tuple("a", 0, 2L),
                        tuple("customer/hot", 0, 3L),
                        tuple("customer/hot", 1, 3L),
                        tuple("customer/hot", 2, 1L),
                        tuple("line\nbreak", 0, 1L),
                        tuple("two-days", 0, 1L),
                        tuple("two-days", 1, 1L));
        List<PlanItem> chunks = plan.stream()
                .filter(item -> item.partitionKey().equals("customer/hot"))
                .toList();
        assertThat(chunks)
                .extracting(PlanItem::firstKey, PlanItem::lastKey)
                .containsExactly(
                        tuple(hot.get(0), hot.get(2)), tuple(hot.get(3), hot.get(5)), tuple(hot.get(6), hot.get(6)));
        assertThat(plan).allSatisfy(item -> assertThat(item.runId()).isEqualTo("run-1"));
        assertThat(plan.get(6).prefix()).isEqualTo("orders-api/2026-11-21/two-days/");
        assertThat(plan.get(7).prefix()).isEqualTo("orders-api/2026-11-22/two-days/");

        Map<String, Long> archived = sizes(layout.consumerPrefix(CONSUMER));
        archived.keySet().removeIf(layout::isLossMarker);
        assertThat(plan.stream().mapToLong(PlanItem::count).sum()).isEqualTo(archived.size());
        assertThat(plan.stream().mapToLong(PlanItem::bytes).sum())
                .isEqualTo(archived.values().stream().mapToLong(Long::longValue).sum());
        archived.keySet()
                .forEach(key -> assertThat(plan.stream().filter(item -> item.covers(key)))
                        .as("items covering %s", key)
                        .hasSize(1));
    }

    @Test
    void aSelectionWithoutFromFindsItsDaysAndTheByteLimitSplitsToo() throws IOException {
        archive.put(CONSUMER, "k", DAY1, "x".repeat(100));
        archive.put(CONSUMER, "k", DAY1.plusSeconds(1), "x".repeat(100));
        archive.put(CONSUMER, "k", DAY1.plusSeconds(2), "x".repeat(100));
        archive.put(CONSUMER, "k", DAY2.plus(java.time.Duration.ofDays(40)), "much later");
        long recordBytes =
                sizes(layout.consumerPrefix(CONSUMER)).values().iterator().next();

        List<PlanItem> plan = plan(
                new Selection(CONSUMER, null, null, null, StatusFilter.ALL), new ChunkLimits(1000, 2 * recordBytes));

        assertThat(plan)
                .extracting(PlanItem::chunk, PlanItem::count)
                .containsExactly(tuple(0, 2L), tuple(1, 1L), tuple(2, 1L));
        assertThat(plan.get(2).prefix()).isEqualTo("orders-api/2027-01-01/k/");
    }

    @Test
    void thePlanIsUploadedOnceAsJsonLinesThatParseBack() throws IOException {
        archive.put(CONSUMER, "k1", DAY1, "one");
        archive.put(CONSUMER, "k2", DAY1, "two");
        Selection selection = new Selection(CONSUMER, null, null, null, StatusFilter.ALL);
        RunStateKeys run = RunStateKeys.of(new KeyLayout(""), "20261127T070000Z-0a1b2c3d");
        try (S3Client s3 = LocalAws.s3(Emulators.s3())) {
            S3PlanUpload upload = new S3PlanUpload(s3, archive.bucket());

            PlanSummary summary = upload.publish(writer(ChunkLimits.DEFAULT), run, selection);

            String body = s3.getObjectAsBytes(
                            b -> b.bucket(archive.bucket()).key("_runs/20261127T070000Z-0a1b2c3d" + "/plan.jsonl"))
                    .asUtf8String();
            assertThat(body.lines().map(PlanLines::parse))
                    .extracting(PlanItem::partitionKey)
                    .containsExactly("k1", "k2");
            assertThat(summary)
                    .isEqualTo(new PlanSummary(
                            2,
                            2,
                            sizes(layout.consumerPrefix(CONSUMER)).values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum()));
            assertThatThrownBy(() -> upload.publish(writer(ChunkLimits.DEFAULT), run, selection))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(412));
        }
    }

    private List<PlanItem> plan(Selection selection, ChunkLimits limits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanSummary summary = writer(limits).write("run-1", selection, out);
        List<PlanItem> items = out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(PlanLines::parse)
                .toList();
        assertThat(summary.items()).isEqualTo(items.size());
        return items;
    }

    private PlanWriter writer(ChunkLimits limits) {
        ArchiveSelector selector = new ArchiveSelector(archive.store(), layout, CLOCK);
        return new PlanWriter(new KeyMajorListing(selector, CLOCK), layout, limits);
    }

    private Map<String, Long> sizes(String prefix) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Stream<ArchiveObject> listing = archive.store().list(prefix)) {
            listing.forEach(object -> sizes.put(object.key(), object.size()));
        }
        return sizes;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
