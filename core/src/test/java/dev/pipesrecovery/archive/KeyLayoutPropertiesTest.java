package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.consumer.ConsumerName;
import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of the archive key layout over arbitrary Unicode partition keys and 1-56 digit sequence numbers. */
class KeyLayoutPropertiesTest {

    private static final long MIN_MILLIS = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    private static final long MAX_MILLIS =
            Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    @Property
    void formatAndParseAreInverses(@ForAll("keys") ArchiveKey key, @ForAll("prefixes") String prefix) {
        KeyLayout layout = new KeyLayout(prefix);
        String formatted = layout.format(key);
        assertThat(layout.parse(formatted)).isEqualTo(key);
        assertThat(layout.format(layout.parse(formatted))).isEqualTo(formatted);
        assertThat(layout.isLossMarker(formatted)).isFalse();
    }

    @Property
    void everyKeyFitsS3WithASafePrefix(@ForAll("keys") ArchiveKey key, @ForAll("safePrefixes") String prefix) {
        assertThat(new KeyLayout(prefix).format(key).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(KeyLayout.MAX_KEY_BYTES);
    }

    @Property
    void partitionKeysDecodeBackUnlessCut(@ForAll("partitionKeys") String partitionKey) {
        String encoded = KeyLayout.encodePartitionKey(partitionKey);
        assertThat(encoded).matches("[A-Za-z0-9._%~-]{1,512}").isNotIn(".", "..");
        if (encoded.contains("~")) {
            assertThat(encoded.length()).isBetween(478 + 17, 480 + 17);
            assertThat(KeyLayout.decodePartitionKey(encoded)).isEmpty();
        } else {
            assertThat(KeyLayout.decodePartitionKey(encoded)).contains(partitionKey);
        }
    }

    @Property
    void keyOrderUnderOnePartitionKeyIsArrivalOrder(@ForAll("keys") ArchiveKey a, @ForAll("millis") long otherMillis) {
        Instant other = Instant.ofEpochMilli(otherMillis);
        ArchiveKey b = new ArchiveKey(
                a.consumer(), a.encodedPartitionKey(), other, "shardId-000000000000", SequenceNumber.of("1"), null);
        KeyLayout layout = new KeyLayout("");
        int byKey = Integer.signum(layout.format(a).compareTo(layout.format(b)));
        int byArrival = Integer.signum(a.arrival().compareTo(b.arrival()));
        if (byArrival != 0) {
            assertThat(byKey).isEqualTo(byArrival);
        }
    }

    @Provide
    Arbitrary<ArchiveKey> keys() {
        Arbitrary<String> consumers = Arbitraries.strings()
                .withChars("._-")
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(64)
                .filter(ConsumerName::isValid);
        Arbitrary<String> shardIds = Combinators.combine(
                        Arbitraries.strings().withChars("_.-").alpha().numeric().ofMaxLength(40),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12))
                .as((head, word, digits) -> (head.isEmpty() ? "" : head + "-") + word + "-" + digits)
                .filter(s -> s.length() <= 128 && !s.contains("--") && !s.startsWith("-"));
        Arbitrary<String> sequenceNumbers =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(56);
        Arbitrary<Long> subSequences = Arbitraries.longs().greaterOrEqual(0).injectNull(0.4);
        return Combinators.combine(consumers, partitionKeys(), millis(), shardIds, sequenceNumbers, subSequences)
                .as((consumer, pk, millis, shard, seq, sub) ->
                        ArchiveKey.of(consumer, pk, Instant.ofEpochMilli(millis), shard, SequenceNumber.of(seq), sub));
    }

    @Provide
    Arbitrary<String> partitionKeys() {
        Arbitrary<Integer> anyCodePoint = Arbitraries.integers()
                .between(1, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        Arbitrary<Integer> supplementary = Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
        Arbitrary<Integer> codePoints =
                Arbitraries.frequencyOf(Tuple.of(4, ascii), Tuple.of(3, anyCodePoint), Tuple.of(2, supplementary));
        Arbitrary<String> dots = Arbitraries.of(".", "..", "~", "%", "/", " ");
        Arbitrary<String> generated =
                codePoints.list().ofMinSize(1).ofMaxSize(300).map(KeyLayoutPropertiesTest::string);
        return Arbitraries.frequencyOf(Tuple.of(9, generated), Tuple.of(1, dots));
    }

    @Provide
    Arbitrary<Long> millis() {
        return Arbitraries.longs().between(MIN_MILLIS, MAX_MILLIS);
    }

    @Provide
    Arbitrary<String> prefixes() {
        Arbitrary<String> segment = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("-_ é😀")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        return segment.list().ofMaxSize(3).map(segments -> String.join("/", segments));
    }

    /** Prefixes up to {@link KeyLayout#MAX_SAFE_PREFIX_BYTES} UTF-8 bytes, multi-byte characters included. */
    @Provide
    Arbitrary<String> safePrefixes() {
        return Arbitraries.strings()
                .withChars("ab-/é😀")
                .ofMaxLength(KeyLayout.MAX_SAFE_PREFIX_BYTES)
                .map(p -> p.replaceAll("/+", "/"))
                .filter(p -> p.getBytes(StandardCharsets.UTF_8).length <= KeyLayout.MAX_SAFE_PREFIX_BYTES)
                .edgeCases(edges -> edges.add("x".repeat(KeyLayout.MAX_SAFE_PREFIX_BYTES)));
    }

    private static String string(List<Integer> codePoints) {
        StringBuilder builder = new StringBuilder();
        codePoints.forEach(builder::appendCodePoint);
        return builder.toString();
    }
}
