package dev.pipesrecovery.triage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants on triage's screen and in its findings: to the second, in UTC, said so ({@code 2026-11-27 05:11:34 UTC}). */
public final class UtcTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private UtcTime() {}

    public static String of(Instant instant) {
        return instant == null ? "unknown" : FORMAT.format(instant);
    }
}
