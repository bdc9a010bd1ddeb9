package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/**
 * Which archived records a command works on. A date means a whole UTC day ({@code --from} its start, {@code --to}
 * its end, both inclusive); an ISO instant is exact. Dates become key prefixes, so a day of one consumer is listed
 * without listing the rest of the bucket.
 */
public final class SelectionOptions {

    @Option(names = "--consumer", paramLabel = "C", description = "The consumer (pipe name) in the archive.")
    String consumer;

    @Option(
            names = "--from",
            paramLabel = "DATE|INSTANT",
            description =
                    "Records that arrived at or after this: 2026-11-21 (start of day UTC) or 2026-11-21T22:00:00Z.")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DATE|INSTANT",
            description = "Records that arrived at or before this: 2026-11-21 (end of day UTC) or an ISO instant.")
    String to;

    @Option(names = "--partition-key", paramLabel = "K", description = "Only this partition key (needs --consumer).")
    String partitionKey;

    @Option(
            names = "--status",
            paramLabel = "pending|archived|replayed|failed|all",
            completionCandidates = Statuses.class,
            description = "By replay state: pending (not delivered yet: archived or failed; replay's default), "
                    + "archived (never replayed), replayed, failed, all (list/show/export default). Reads each "
                    + "object's tags unless 'all'.")
    StatusFilter status;

    static final class Statuses extends LowerCaseValues<StatusFilter> {
        Statuses() {
            super(StatusFilter.class);
        }
    }

    /** The selection; {@code defaultStatus} applies when {@code --status} is absent. */
    public Selection toSelection(StatusFilter defaultStatus) {
        try {
            StatusFilter statusFilter = status == null ? defaultStatus : status;
            return new Selection(
                    blankToNull(consumer),
                    parse("--from", from, false),
                    parse("--to", to, true),
                    blankToNull(partitionKey),
                    statusFilter);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    public String consumer() {
        return blankToNull(consumer);
    }

    static Instant parse(String option, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay
                        ? date.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw CliException.usage("bad " + option + " '" + value
                    + "': expected a date (2026-11-21) or an ISO instant (2026-11-21T22:00:00Z)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
