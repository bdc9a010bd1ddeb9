package dev.pipesrecovery.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 90s}, {@code 45m}, {@code 6h}, {@code 7d} or ISO-8601 ({@code PT6H}). */
final class DurationOption {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

    private DurationOption() {}

    static Duration parse(String option, String value) {
        Matcher matcher = SHORT.matcher(value.strip());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration duration = Duration.parse(value.strip());
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw CliException.usage(
                "bad " + option + " '" + value + "': expected a duration like 90s, 45m, 6h, 7d or PT6H");
    }

    /** {@code --since}: a duration back from {@code now}, a date (start of the UTC day) or an ISO instant. */
    static Instant since(String value, Instant now) {
        if (value.strip().matches("\\d{1,9}[smhd]") || value.strip().startsWith("P")) {
            return now.minus(parse("--since", value)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        try {
            return SelectionOptions.parse("--since", value, false);
        } catch (CliException e) {
            throw CliException.usage("bad --since '" + value + "': expected a duration (24h, 7d), a date (2026-11-21) "
                    + "or an ISO instant (2026-11-21T22:00:00Z)");
        }
    }
}
