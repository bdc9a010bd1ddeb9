package dev.pipesrecovery.cli;

import java.util.Locale;

/**
 * Untrusted text made safe for an operator's terminal, for {@code triage}'s screen: a pipe's state reason (which can
 * quote what a target answered), queue URLs, run ids and keys from local run reports, AWS error messages. Control
 * characters are shown escaped instead of being interpreted: C0 and DEL as {@code \xHH}; C1, the Unicode line and
 * paragraph separators and the bidirectional formatting characters (CVE-2021-42574) as {@code \}{@code uHHHH}. So an
 * escape sequence cannot rewrite the screen and a forged line cannot pass as the tool's own. JSON output stays exact.
 * Same rule and notation as the replay commands' text output, so the two can become one class.
 */
final class ScreenText {

    private ScreenText() {
    }

    /** One line: every control character escaped, line feeds and tabs included; null prints as "-". */
    static String field(Object text) {
        String value = text == null ? "-" : text.toString();
        if (value.chars().noneMatch(ScreenText::unsafe)) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        value.chars().forEach(c -> {
            if (!unsafe(c)) {
                escaped.append((char) c);
            } else if (c < 0x80) {
                escaped.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", c));
            }
        });
        return escaped.toString();
    }

    private static boolean unsafe(int c) {
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        boolean separator = c == 0x2028 || c == 0x2029;
        boolean bidi = c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
        return control || separator || bidi;
    }
}
