package dev.pipesrecovery.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Validation and fixed-width formatting of the parts of archive keys, shared by {@link ArchiveKey} and {@link KeyLayout}. */
final class KeyParts {

    /**
     * Kinesis shard ids are {@code [a-zA-Z0-9_.-]{1,128}} and in practice {@code shardId-} + 12 digits
     * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Shard.html). The layout needs the id to end in
     * {@code -<digits>} after a non-numeric part, so that {@code <shardId>-<seq>[-<subSeq>]} parses one way only.
     */
    private static final Pattern SHARD_ID =
            Pattern.compile("(?:[A-Za-z0-9_.-]*-)?[A-Za-z0-9_.]*[A-Za-z_.][A-Za-z0-9_.]*-[0-9]+");

    static final int MAX_SHARD_ID_CHARS = 128;
    static final String LOST_SEGMENT = "_lost";

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withResolverStyle(ResolverStyle.STRICT);
    /** Fixed-width timestamps (so that key order is arrival order) exist for four-digit years only. */
    private static final Instant MIN_ARRIVAL = Instant.parse("0000-01-01T00:00:00Z");

    private static final Instant MAX_ARRIVAL = Instant.parse("9999-12-31T23:59:59.999Z");

    private KeyParts() {}

    static String requireShardId(String shardId) {
        if (shardId == null
                || shardId.length() > MAX_SHARD_ID_CHARS
                || !SHARD_ID.matcher(shardId).matches()) {
            throw new IllegalArgumentException("shard id must be at most " + MAX_SHARD_ID_CHARS
                    + " chars of [A-Za-z0-9_.-] ending in '-<digits>' after a non-numeric part, "
                    + "like shardId-000000000002: '" + shardId + "'");
        }
        return shardId;
    }

    static Instant requireArrival(Instant arrival) {
        if (arrival.isBefore(MIN_ARRIVAL) || arrival.isAfter(MAX_ARRIVAL)) {
            throw new IllegalArgumentException(
                    "arrival must be within years 0000-9999 (fixed-width key timestamp): " + arrival);
        }
        return arrival;
    }

    static Long requireSubSequence(Long subSequenceNumber) {
        if (subSequenceNumber != null && subSequenceNumber < 0) {
            throw new IllegalArgumentException("subSequenceNumber must be >= 0: " + subSequenceNumber);
        }
        return subSequenceNumber;
    }

    /**
     * Digits of a padded sub-sequence number: every {@code long} fits, so the key space (and the worst-case key length)
     * is that of the unpadded form while lexicographic order becomes numeric order.
     */
    static final int SUB_SEQUENCE_DIGITS = 19;

    /** The sub-sequence number zero-padded to {@link #SUB_SEQUENCE_DIGITS} digits. */
    static String subSequence(long subSequenceNumber) {
        String digits = Long.toString(requireSubSequence(subSequenceNumber));
        return "0".repeat(SUB_SEQUENCE_DIGITS - digits.length()) + digits;
    }

    static String date(LocalDate date) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("date must be within years 0000-9999: " + date);
        }
        return DATE.format(date);
    }

    static String date(Instant arrival) {
        return date(LocalDate.ofInstant(arrival, ZoneOffset.UTC));
    }

    static String timestamp(Instant arrival) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(arrival, ZoneOffset.UTC));
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date segment is not yyyy-MM-dd: '" + text + "'", e);
        }
    }

    static Instant parseTimestamp(String text) {
        try {
            return LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp segment is not yyyyMMdd'T'HHmmssSSS'Z': '" + text + "'", e);
        }
    }

    /** "" for none; otherwise slashes trimmed, every segment non-empty, not '.' or '..', no control characters. */
    static String normalizePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        int start = 0;
        int end = prefix.length();
        while (start < end && prefix.charAt(start) == '/') {
            start++;
        }
        while (end > start && prefix.charAt(end - 1) == '/') {
            end--;
        }
        String trimmed = prefix.substring(start, end);
        if (trimmed.isEmpty()) {
            return "";
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || segment.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("prefix segments must be non-empty, not '.' or '..' and free of "
                        + "control characters: '" + prefix + "'");
            }
        }
        return trimmed;
    }
}
