package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyLayoutTest {

    private static final String SEQ = "49658201843260916374628107893418732611003817291052040226";
    private static final Instant ARRIVAL = Instant.parse("2026-11-21T22:15:03.123456Z");
    private static final String NAME = "/20261121T221503123Z/shardId-000000000002-" + SEQ;

    private static ArchiveKey key(String partitionKey, Long subSequence) {
        return ArchiveKey.of(
                "orders-api", partitionKey, ARRIVAL, "shardId-000000000002", SequenceNumber.of(SEQ), subSequence);
    }

    @Test
    void formatsWithoutPrefix() {
        String formatted = new KeyLayout(null).format(key("customer/42", null));
        assertThat(formatted).isEqualTo("orders-api/2026-11-21/customer%2F42" + NAME + ".json");
        assertThat(new KeyLayout("").parse(formatted)).isEqualTo(key("customer/42", null));
    }

    @Test
    void formatsUnderATrimmedPrefixWithASubSequenceNumber() {
        KeyLayout layout = new KeyLayout("/archive/v1/");
        assertThat(layout.prefix()).isEqualTo("archive/v1");
        String formatted = layout.format(key("a b~😀", 3L));
        assertThat(formatted)
                .isEqualTo(
                        "archive/v1/orders-api/2026-11-21/a%20b%7E%F0%9F%98%80" + NAME + "-0000000000000000003.json");
        assertThat(layout.parse(formatted)).isEqualTo(key("a b~😀", 3L));
        assertThat(layout.parse(formatted).arrival()).isEqualTo(Instant.parse("2026-11-21T22:15:03.123Z"));
    }

    @Test
    void roundTripsACutKey() {
        KeyLayout layout = new KeyLayout("p");
        ArchiveKey cut = key("😀".repeat(256), 0L);
        String formatted = layout.format(cut);
        assertThat(layout.parse(formatted)).isEqualTo(cut);
        assertThat(KeyLayout.decodePartitionKey(layout.parse(formatted).encodedPartitionKey()))
                .isEmpty();
    }

    @Test
    void subSequenceNumbersAreFixedWidthSoKeyOrderIsAggregateOrder() {
        KeyLayout layout = new KeyLayout("");
        List<String> keys = new ArrayList<>();
        for (long sub : new long[] {0, 1, 2, 9, 10, 11, 100, 1234567, Long.MAX_VALUE}) {
            keys.add(layout.format(key("k", sub)));
        }

        assertThat(keys).isSorted();
        assertThat(keys.get(3)).endsWith("-0000000000000000009.json");
        assertThat(keys.get(8)).endsWith("-" + Long.MAX_VALUE + ".json");
    }

    @Test
    void parseStillAcceptsTheOlderUnpaddedSubSequence() {
        KeyLayout layout = new KeyLayout("archive");
        String older = "archive/orders-api/2026-11-21/k" + NAME + "-12.json";

        assertThat(layout.parse(older)).isEqualTo(key("k", 12L));
        assertThat(layout.parse("archive/orders-api/2026-11-21/k" + NAME + "-0.json"))
                .isEqualTo(key("k", 0L));
        assertThat(layout.format(layout.parse(older))).endsWith("-0000000000000000012.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-012", "-00", "-00000000000000000012", "-000000000000000012"})
    void rejectsSubSequencesThatAreNeitherFixedWidthNorCanonical(String suffix) {
        assertThatThrownBy(() -> new KeyLayout("").parse("orders-api/2026-11-21/k" + NAME + suffix + ".json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sub-sequence");
    }

    @Test
    void buildsListingPrefixes() {
        KeyLayout layout = new KeyLayout("archive");
        LocalDate day = LocalDate.of(2026, 11, 21);
        assertThat(layout.consumerPrefix("orders-api")).isEqualTo("archive/orders-api/");
        assertThat(layout.datePrefix("orders-api", day)).isEqualTo("archive/orders-api/2026-11-21/");
        assertThat(layout.partitionKeyPrefix("orders-api", day, ".."))
                .isEqualTo("archive/orders-api/2026-11-21/%2E%2E/");
        assertThat(layout.format(ArchiveKey.of(
                        "orders-api", "..", ARRIVAL, "shardId-000000000002", SequenceNumber.of(SEQ), null)))
                .startsWith(layout.partitionKeyPrefix("orders-api", day, ".."));
    }

    @Test
    void placesLossMarkersApartFromRecords() {
        KeyLayout layout = new KeyLayout("archive");
        String marker = layout.lossMarkerKey(
                "orders-api",
                LocalDate.of(2026, 11, 21),
                "shardId-000000000002",
                SequenceNumber.of("100"),
                SequenceNumber.of("200"));
        assertThat(marker)
                .isEqualTo("archive/orders-api/_lost/2026-11-21/shardId-000000000002-100-200.json")
                .startsWith(layout.lossMarkerPrefix("orders-api"));
        assertThat(layout.lossMarkerPrefix("orders-api")).isEqualTo("archive/orders-api/_lost/");
        assertThat(layout.isLossMarker(marker)).isTrue();
        assertThat(layout.isLossMarker(layout.format(key("k", null)))).isFalse();
        assertThat(new KeyLayout("other").isLossMarker(marker)).isFalse();
        assertThatThrownBy(() -> layout.parse(marker))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss marker");
    }

    @Test
    void ordersKeysUnderOnePartitionKeyByArrival() {
        KeyLayout layout = new KeyLayout("");
        String earlier = layout.format(ArchiveKey.of(
                "c", "k", Instant.parse("2026-11-21T09:59:59.999Z"), "shardId-1", SequenceNumber.of("900"), null));
        String later = layout.format(ArchiveKey.of(
                "c", "k", Instant.parse("2026-11-21T10:00:00.000Z"), "shardId-0", SequenceNumber.of("100"), null));
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void worstCaseKeyWithTheLongestSafePrefixIsExactly1024Bytes() {
        ArchiveKey worst = new ArchiveKey(
                "c".repeat(64),
                "a".repeat(512),
                Instant.parse("9999-12-31T23:59:59.999Z"),
                "s".repeat(126) + "-1",
                SequenceNumber.of("9".repeat(128)),
                Long.MAX_VALUE);
        KeyLayout layout = new KeyLayout("é".repeat(KeyLayout.MAX_SAFE_PREFIX_BYTES / 2));
        assertThat(KeyLayout.MAX_SAFE_PREFIX_BYTES).isEqualTo(132);
        assertThat(layout.format(worst).getBytes(StandardCharsets.UTF_8)).hasSize(KeyLayout.MAX_KEY_BYTES);
        assertThat(new KeyLayout("").format(worst)).hasSize(KeyLayout.MAX_KEY_BYTES_WITHOUT_PREFIX);
        assertThatThrownBy(() -> new KeyLayout("x".repeat(KeyLayout.MAX_SAFE_PREFIX_BYTES + 1)).format(worst))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1025 bytes, S3 allows 1024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "_lost", "a/b", "a b", "é"})
    void rejectsInvalidConsumers(String consumer) {
        assertThatThrownBy(() -> ArchiveKey.of(consumer, "k", ARRIVAL, "shardId-0", SequenceNumber.of("1"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consumer");
        assertThatThrownBy(() -> new KeyLayout("").consumerPrefix(consumer)).hasMessageContaining("consumer");
    }

    @Test
    void rejectsATooLongConsumer() {
        assertThatThrownBy(() -> new KeyLayout("").consumerPrefix("c".repeat(65)))
                .hasMessageContaining("consumer");
        assertThat(new KeyLayout("").consumerPrefix("c".repeat(64))).hasSize(65);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "shard/1-1", "12345", "shard", "0-1", "shard-", "shard--1"})
    void rejectsShardIdsTheLayoutCannotParseBack(String shardId) {
        assertThatThrownBy(() -> ArchiveKey.of("c", "k", ARRIVAL, shardId, SequenceNumber.of("1"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shard id");
    }

    @Test
    void rejectsNegativeSubSequenceAndFiveDigitYears() {
        assertThatThrownBy(() -> key("k", -1L)).hasMessageContaining("subSequenceNumber");
        assertThatThrownBy(() -> ArchiveKey.of(
                        "c", "k", Instant.parse("+10000-01-01T00:00:00Z"), "shardId-0", SequenceNumber.of("1"), null))
                .hasMessageContaining("0000-9999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a//b", "a/./b", "a/../b", "a/\tb"})
    void rejectsMalformedPrefixes(String prefix) {
        assertThatThrownBy(() -> new KeyLayout(prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
    }

    @Test
    void treatsSlashesOnlyAsNoPrefix() {
        assertThat(new KeyLayout("//").prefix()).isEmpty();
    }
}
