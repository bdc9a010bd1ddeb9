package dev.pipesrecovery.internal.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as the project's JSON contracts write them: UTC, always with milliseconds ({@code 2026-11-21T22:15:03.123Z}). */
public final class JsonTimestamps {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private JsonTimestamps() {}

    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }
}
