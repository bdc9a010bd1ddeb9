package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionKeyEncodingTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "customer-42_a.b        | customer-42_a.b",
                "customer/42            | customer%2F42",
                "\"a b\"                | a%20b",
                "100%                   | 100%25",
                "~tilde                 | %7Etilde",
                "é                      | %C3%A9",
                "😀                     | %F0%9F%98%80",
                "日本                   | %E6%97%A5%E6%9C%AC",
                ".                      | %2E",
                "..                     | %2E%2E",
                "...                    | ...",
                "./x                    | .%2Fx",
                "\"a+b=c?&#\"           | a%2Bb%3Dc%3F%26%23"
            })
    void encodesAndDecodesBack(String partitionKey, String encoded) {
        assertThat(KeyLayout.encodePartitionKey(partitionKey)).isEqualTo(encoded);
        assertThat(KeyLayout.decodePartitionKey(encoded)).contains(partitionKey);
    }

    @Test
    void keeps256AsciiCharactersWhole() {
        String key = "k".repeat(256);
        assertThat(KeyLayout.encodePartitionKey(key)).isEqualTo(key);
        assertThat(KeyLayout.decodePartitionKey(key)).contains(key);
    }

    @Test
    void keepsAnEncodedKeyOfExactly512Bytes() {
        String key = "/".repeat(170) + "ab"; // 510 + 2
        assertThat(KeyLayout.encodePartitionKey(key)).hasSize(512).doesNotContain("~");
    }

    @Test
    void cutsAnEncodedKeyLongerThan512BytesOnATripletBoundary() {
        String emoji = "😀".repeat(256); // 256 four-byte code points: 3,072 encoded bytes
        String encoded = KeyLayout.encodePartitionKey(emoji);
        assertThat(encoded)
                .isEqualTo("%F0%9F%98%80".repeat(40) + "~8041e66714937367")
                .hasSize(497);
        assertThat(KeyLayout.decodePartitionKey(encoded)).isEmpty();

        assertThat(KeyLayout.encodePartitionKey("/".repeat(300))).isEqualTo("%2F".repeat(160) + "~094f3ce33c025998");
    }

    @Test
    void neverCutsInsideATriplet() {
        // "a" + triplets: byte 480 would fall after the first two chars of a triplet -> cut at 478
        assertThat(KeyLayout.encodePartitionKey("a" + "/".repeat(300)))
                .startsWith("a" + "%2F".repeat(159) + "~")
                .hasSize(478 + 17);
        // "ab" + triplets: byte 480 would fall after the '%' -> cut at 479
        assertThat(KeyLayout.encodePartitionKey("ab" + "/".repeat(300)))
                .startsWith("ab" + "%2F".repeat(159) + "~")
                .hasSize(479 + 17);
    }

    @Test
    void differentLongKeysWithTheSameHeadGetDifferentSegments() {
        String head = "x".repeat(600);
        assertThat(KeyLayout.encodePartitionKey(head + "1")).isNotEqualTo(KeyLayout.encodePartitionKey(head + "2"));
    }

    @Test
    void rejectsAnEmptyKeyAndALoneSurrogate() {
        assertThatThrownBy(() -> KeyLayout.encodePartitionKey(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> KeyLayout.encodePartitionKey("a\uD800b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "%2f", "%zz", "a%2", "%FF", "%41", ".", "..", "%2Ea", "a b", "a~0123456789abcdef", "a/b"})
    void rejectsSegmentsTheEncoderCannotProduce(String segment) {
        assertThatThrownBy(() -> KeyLayout.decodePartitionKey(segment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partition key");
    }
}
