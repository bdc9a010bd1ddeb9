package dev.pipesrecovery.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void controlSeparatorBidiAndNoncharactersAreUnsafeAndPrintableTextIsNot() {
        for (int c : new int[] {
            0x00, 0x07, 0x0a, 0x1b, 0x7f, 0x85, 0x9b, 0x2028, 0x2029, 0x200e, 0x202e, 0x2066, 0x061c, 0xfffe, 0xffff
        }) {
            assertThat(UntrustedText.unsafe(c)).as("U+%04X", c).isTrue();
        }
        for (int c : new int[] {' ', 'a', '~', 0xa0, 0xe9, 0x2013, 0x9867, 0x1f642}) {
            assertThat(UntrustedText.unsafe(c)).as("U+%04X", c).isFalse();
        }
    }

    @Test
    void aFieldEscapesLineBreaksAndABlockKeepsThem() {
        String text = "k\u001b]0;x\u0007\nTOTAL\t9\u202e";

        assertThat(UntrustedText.escape(text, false)).isEqualTo("k\\x1b]0;x\\x07\\x0aTOTAL\\x099\\u202e");
        assertThat(UntrustedText.escape(text, true)).isEqualTo("k\\x1b]0;x\\x07\nTOTAL\t9\\u202e");
        assertThat(UntrustedText.escape("plain – Zoë", false)).isEqualTo("plain – Zoë");
    }
}
