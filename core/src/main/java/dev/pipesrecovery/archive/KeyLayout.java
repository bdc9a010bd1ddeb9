package dev.pipesrecovery.archive;

import dev.pipesrecovery.stream.SequenceNumber;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The archive key layout (DESIGN.md "Archive key layout"), under an optional prefix:
 * {@code [<prefix>/]<consumer>/<yyyy-MM-dd>/<partitionKey>/<yyyyMMdd'T'HHmmssSSS'Z'>/<shardId>-<seq>[-<subSeq>].json}
 * and loss markers at {@code [<prefix>/]<consumer>/_lost/<yyyy-MM-dd>/<shardId>-<start>-<end>.json}.
 * Immutable; {@link #format} and {@link #parse} round-trip.
 */
public final class KeyLayout {

    /** Maximum S3 key length in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private final String prefix;

    /** @param prefix "" or null for none; leading/trailing slashes are ignored */
    public KeyLayout(String prefix) {
        throw new UnsupportedOperationException("TODO core: KeyLayout");
    }

    /** "" when there is no prefix, else e.g. {@code "archive"} (no trailing slash). */
    public String prefix() {
        return prefix;
    }

    /** @throws IllegalArgumentException if the key would exceed {@link #MAX_KEY_BYTES} or a part is invalid */
    public String format(ArchiveKey key) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** @throws IllegalArgumentException naming what does not match the layout (also for loss-marker keys) */
    public ArchiveKey parse(String key) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** {@code [<prefix>/]<consumer>/} */
    public String consumerPrefix(String consumer) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** {@code [<prefix>/]<consumer>/<yyyy-MM-dd>/} */
    public String datePrefix(String consumer, LocalDate date) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** {@code [<prefix>/]<consumer>/<yyyy-MM-dd>/<encoded partition key>/} */
    public String partitionKeyPrefix(String consumer, LocalDate date, String partitionKey) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** {@code [<prefix>/]<consumer>/_lost/<yyyy-MM-dd>/<shardId>-<start>-<end>.json} */
    public String lossMarkerKey(String consumer, LocalDate date, String shardId, SequenceNumber start,
                                SequenceNumber end) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** {@code [<prefix>/]<consumer>/_lost/} */
    public String lossMarkerPrefix(String consumer) {
        throw new UnsupportedOperationException("TODO core");
    }

    public boolean isLossMarker(String key) {
        throw new UnsupportedOperationException("TODO core");
    }

    /**
     * Percent-encodes a partition key as one key segment: {@code A-Z a-z 0-9 - . _} kept, every other UTF-8 byte
     * {@code %HH} (uppercase); a segment {@code .} or {@code ..} gets its dots encoded; longer than 512 bytes → first
     * 480 bytes (never inside a triplet) + {@code ~} + 16 lowercase hex chars of the SHA-256 of the original.
     */
    public static String encodePartitionKey(String partitionKey) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** The original partition key, or empty when the segment was cut (then only the archived record has it). */
    public static Optional<String> decodePartitionKey(String encodedSegment) {
        throw new UnsupportedOperationException("TODO core");
    }
}
