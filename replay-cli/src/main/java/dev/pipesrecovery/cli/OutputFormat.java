package dev.pipesrecovery.cli;

/** {@code --format}: human-readable text or machine-readable JSON. */
public enum OutputFormat {
    TEXT,
    JSON
}
