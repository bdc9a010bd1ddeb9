package dev.pipesrecovery.triage;

import java.time.Duration;

/**
 * Durations as an on-call engineer reads them: the two largest units, e.g. {@code 4 h 05 min}, {@code 36 h},
 * {@code 3 d 4 h} (days from two days on).
 */
public final class HumanDuration {

    private HumanDuration() {}

    public static String of(Duration duration) {
        if (duration.isNegative()) {
            return "-" + of(duration.negated());
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return duration.toMinutes() + " min"
                    + (duration.toSecondsPart() == 0 ? "" : String.format(" %02d s", duration.toSecondsPart()));
        }
        if (seconds < 2 * 86_400) { // "24 h", "36 h 10 min": retentions and ages are told in hours up to two days
            return duration.toHours() + " h"
                    + (duration.toMinutesPart() == 0 ? "" : String.format(" %02d min", duration.toMinutesPart()));
        }
        return duration.toDays() + " d" + (duration.toHoursPart() == 0 ? "" : " " + duration.toHoursPart() + " h");
    }
}
