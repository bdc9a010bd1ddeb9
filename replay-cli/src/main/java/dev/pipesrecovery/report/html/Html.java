package dev.pipesrecovery.report.html;

import dev.pipesrecovery.text.UntrustedText;
import java.util.Locale;

/**
 * Escaping for everything the report writes into HTML (text and attribute values alike). Archive data is untrusted
 * producer data: a partition key or a reason can hold markup, quotes, control characters or bidirectional overrides.
 * Markup characters become entities; what {@link UntrustedText} calls unsafe (control characters, line separators,
 * bidi controls) becomes visible {@code \\x1b}/{@code \\u202e} text, as on the terminal, so what a reader sees is
 * what the archive holds.
 */
public final class Html {

    private Html() {}

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
                    if (UntrustedText.unsafe(c)) {
                        out.append(UntrustedText.shown(c));
                    } else {
                        out.appendCodePoint(c);
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
}
