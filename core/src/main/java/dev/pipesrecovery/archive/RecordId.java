package dev.pipesrecovery.archive;

import dev.pipesrecovery.stream.SequenceNumber;

/** The last segment of an archive key, {@code <shardId>-<sequenceNumber>[-<subSequence>].json}, parsed. */
record RecordId(String shardId, SequenceNumber sequenceNumber, Long subSequenceNumber) {

    /**
     * Shard ids end in {@code -<digits>} after a non-numeric part ({@link KeyParts}), so the run of all-digit
     * dash-separated parts at the end of the name is the shard's number, the sequence number and, when there are three,
     * the sub-sequence number.
     */
    static RecordId parse(String segment, String suffix) {
        if (!segment.endsWith(suffix)) {
            throw new IllegalArgumentException("record segment must end with " + suffix + ": '" + segment + "'");
        }
        String name = segment.substring(0, segment.length() - suffix.length());
        String[] parts = name.split("-", -1);
        int digitRun = 0;
        while (digitRun < parts.length && isDigits(parts[parts.length - 1 - digitRun])) {
            digitRun++;
        }
        if (digitRun < 2 || digitRun > 3 || digitRun == parts.length) {
            throw new IllegalArgumentException("record segment must be <shardId>-<sequenceNumber>[-<subSequence>]"
                    + suffix + " with a shard id like shardId-000000000002: '" + segment + "'");
        }
        Long subSequence = null;
        int sequenceIndex = parts.length - 1;
        if (digitRun == 3) {
            subSequence = parseSubSequence(parts[parts.length - 1], segment);
            sequenceIndex--;
        }
        String shardId = String.join("-", java.util.Arrays.copyOfRange(parts, 0, sequenceIndex));
        return new RecordId(shardId, SequenceNumber.of(parts[sequenceIndex]), subSequence);
    }

    /**
     * The padded form ({@link KeyParts#SUB_SEQUENCE_DIGITS} digits) or, as written before padding, the plain decimal
     * without leading zeros; nothing else, so that one sub-sequence number has one padded and one older key.
     */
    private static Long parseSubSequence(String text, String segment) {
        boolean padded = text.length() == KeyParts.SUB_SEQUENCE_DIGITS;
        boolean older = text.length() < KeyParts.SUB_SEQUENCE_DIGITS && (text.length() == 1 || text.charAt(0) != '0');
        if (!padded && !older) {
            throw new IllegalArgumentException("sub-sequence number must be " + KeyParts.SUB_SEQUENCE_DIGITS
                    + " digits (or, in older keys, a decimal without leading zeros): '" + segment + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sub-sequence number out of range: '" + segment + "'", e);
        }
    }

    private static boolean isDigits(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
