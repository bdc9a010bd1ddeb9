package dev.pipesrecovery.report.html;

import java.util.Locale;

/**
 * Escaping for everything the report writes into HTML (text and attribute values alike). Archive data is untrusted
 * producer data: a partition key or a reason can hold markup, quotes, control characters or bidirectional overrides.
 * Markup characters become entities; control characters (C0, DEL, C1) and the Unicode line separators and bidi
 * controls become visible {@code \\uXXXX} text, so what a reader sees is what the archive holds.
 */
public final class Html {

    private Html() {
    }

    /** {@code value} safe as element text or as a double- or single-quoted attribute value; null is empty. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (visible(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(String.format(Locale.ROOT, "\\u%04X", c));
                    }
                }
            }
        });
        return out.toString();
    }

    /** A count with thousands separators. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static boolean visible(int c) {
        boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        boolean separator = c == 0x2028 || c == 0x2029;
        boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
        boolean noncharacter = c == 0xFFFE || c == 0xFFFF;
        return !(control || separator || bidi || noncharacter);
    }
}
