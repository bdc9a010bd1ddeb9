package dev.pipesrecovery.cli;

import java.util.Locale;

/**
 * Untrusted text (partition keys, payloads, DLQ and loss-marker fields: whatever a producer or a DLQ sender wrote)
 * made safe to print on an operator's terminal. Control characters are shown escaped instead of being interpreted:
 * C0 and DEL as {@code \xHH}; C1 (8-bit CSI, NEL...), the Unicode line and paragraph separators and the
 * bidirectional formatting characters ("Trojan Source", CVE-2021-42574) as a backslash, {@code u} and four hex
 * digits. So an escape sequence in a payload cannot retitle, clear or rewrite the screen, and a forged line cannot
 * pass as the tool's own. Text output only: {@code --raw} and JSON keep the exact data.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** One line (a field): every control character escaped, line feeds and tabs included. */
    static String field(Object text) {
        return escape(String.valueOf(text), false);
    }

    /** A block (a payload shown as text): line feeds and tabs kept, every other control character escaped. */
    static String block(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (text.chars().noneMatch(c -> unsafe(c, keepLineBreaks))) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (!unsafe(c, keepLineBreaks)) {
                escaped.append((char) c);
            } else if (c < 0x80) {
                escaped.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", c));
            }
        });
        return escaped.toString();
    }

    private static boolean unsafe(int c, boolean keepLineBreaks) {
        if (keepLineBreaks && (c == '\n' || c == '\t')) {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || bidiControl(c);
    }

    /** ALM, LRM, RLM, the embeddings and overrides LRE..RLO, the isolates LRI..PDI. */
    private static boolean bidiControl(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
