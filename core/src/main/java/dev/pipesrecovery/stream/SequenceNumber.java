package dev.pipesrecovery.stream;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A Kinesis sequence number: a decimal string of up to ~56 digits. Compared numerically as a {@link BigInteger}
 * because it does not fit a {@code long} (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Record.html).
 */
public record SequenceNumber(String value) implements Comparable<SequenceNumber> {

    private static final int MAX_DIGITS = 128;

    public SequenceNumber {
        Objects.requireNonNull(value, "sequence number");
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    "sequence number must be 1-" + MAX_DIGITS + " decimal digits: '" + value + "'");
        }
    }

    public static SequenceNumber of(String value) {
        return new SequenceNumber(value);
    }

    public BigInteger numeric() {
        return new BigInteger(value);
    }

    @Override
    public int compareTo(SequenceNumber other) {
        return numeric().compareTo(other.numeric());
    }

    public boolean isAfter(SequenceNumber other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(SequenceNumber other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
