package dev.pipesrecovery.text;

import java.util.Locale;

/**
 * The one rule for showing untrusted text (partition keys, payloads, DLQ, loss-marker and AWS fields: whatever a
 * producer, a DLQ sender or a target wrote) to a person, on a terminal ({@code TerminalText}) or in the HTML report
 * ({@code Html}). Control characters are shown escaped instead of being interpreted: C0 and DEL as {@code \xHH}; C1
 * (8-bit CSI, NEL...), the Unicode line and paragraph separators, the bidirectional formatting characters ("Trojan
 * Source", CVE-2021-42574) and the noncharacters U+FFFE/U+FFFF as a backslash, {@code u} and four hex digits. So an
 * escape sequence cannot retitle, clear or rewrite a screen, and a forged line cannot pass as the tool's own.
 */
public final class UntrustedText {

    private UntrustedText() {}

    /** Every unsafe character of {@code text} escaped; with {@code keepLineBreaks}, line feeds and tabs stay. */
    public static String escape(String text, boolean keepLineBreaks) {
        if (text.chars().noneMatch(c -> unsafe(c, keepLineBreaks))) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (unsafe(c, keepLineBreaks)) {
                escaped.append(shown(c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    /** Whether {@code c} (a UTF-16 unit or a code point) must never reach a screen or a page as it is. */
    public static boolean unsafe(int c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == 0x2028
                || c == 0x2029
                || bidiControl(c)
                || c == 0xfffe
                || c == 0xffff;
    }

    /** How an unsafe character is shown: {@code \x1b} below 0x80, else a backslash, {@code u} and four hex digits. */
    public static String shown(int c) {
        return c < 0x80 ? String.format(Locale.ROOT, "\\x%02x", c) : String.format(Locale.ROOT, "\\u%04x", c);
    }

    private static boolean unsafe(int c, boolean keepLineBreaks) {
        return !(keepLineBreaks && (c == '\n' || c == '\t')) && unsafe(c);
    }

    /** ALM, LRM, RLM, the embeddings and overrides LRE..RLO, the isolates LRI..PDI. */
    private static boolean bidiControl(int c) {
        return c == 0x061c
                || c == 0x200e
                || c == 0x200f
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
