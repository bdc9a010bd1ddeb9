package dev.pipesrecovery.stream;

/** How much of a {@link ShardRange} could still be read. */
public enum RangeStatus {
    /** Every record of the range was read. */
    COMPLETE,
    /** Some records were read, some are gone (trimmed: the first record is past the start, or fewer than expected). */
    PARTIAL,
    /** Nothing of the range can be read any more (start older than the trim horizon, shard expired). */
    GONE
}
