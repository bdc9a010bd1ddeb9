package dev.pipesrecovery.cli;

import dev.pipesrecovery.text.UntrustedText;

/**
 * Untrusted text (partition keys, payloads, DLQ and loss-marker fields: whatever a producer or a DLQ sender wrote)
 * made safe to print on an operator's terminal, by the one rule of {@link UntrustedText}. Text output only:
 * {@code --raw} and JSON keep the exact data.
 */
final class TerminalText {

    private TerminalText() {}

    /** One line (a field): every control character escaped, line feeds and tabs included. */
    static String field(Object text) {
        return UntrustedText.escape(String.valueOf(text), false);
    }

    /** A block (a payload shown as text): line feeds and tabs kept, every other control character escaped. */
    static String block(String text) {
        return UntrustedText.escape(text, true);
    }
}
