package dev.pipesrecovery.archive;

import dev.pipesrecovery.consumer.ConsumerName;
import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The archive key layout (DESIGN.md "Archive key layout"), under an optional prefix:
 * {@code [<prefix>/]<consumer>/<yyyy-MM-dd>/<partitionKey>/<yyyyMMdd'T'HHmmssSSS'Z'>/<shardId>-<seq>[-<subSeq>].json}
 * (the sub-sequence number zero-padded to 19 digits, so that the records of a KPL aggregate list in aggregate order)
 * and loss markers at {@code [<prefix>/]<consumer>/_lost/<yyyy-MM-dd>/<shardId>-<start>-<end>.json} (wide-range
 * notices beside them under {@code _wide/}: {@link WideRangeNotice}).
 * Immutable; {@link #format} and {@link #parse} round-trip. {@link #parse} also reads keys written before the
 * sub-sequence number was padded ({@code -12.json}).
 *
 * <p>Key length, worst case (S3 allows 1,024 UTF-8 bytes, https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html):
 * consumer 64 + date 10 + encoded partition key 512 (longer ones are cut to at most 497) + timestamp 19 + shard id 128
 * + sequence number 128 + sub-sequence 19 + {@code .json} 5 + 7 separators = {@value #MAX_KEY_BYTES_WITHOUT_PREFIX}
 * bytes, so a prefix of up to {@value #MAX_SAFE_PREFIX_BYTES} bytes always fits. With real Kinesis shard ids (20
 * chars) and sequence numbers (56 digits) a prefix of up to 312 bytes fits. {@link #format} throws beyond that.
 */
public final class KeyLayout {

    /** Maximum S3 key length in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;
    /** The longest key {@link #format} can produce without a prefix. */
    public static final int MAX_KEY_BYTES_WITHOUT_PREFIX = 891;
    /** A prefix up to this many UTF-8 bytes (plus its '/') never makes {@link #format} exceed {@link #MAX_KEY_BYTES}. */
    public static final int MAX_SAFE_PREFIX_BYTES = MAX_KEY_BYTES - MAX_KEY_BYTES_WITHOUT_PREFIX - 1;

    private static final String SUFFIX = ".json";

    private static final String RUNS_SEGMENT = "_runs";

    private final String prefix;

    /** @param prefix "" or null for none; leading/trailing slashes are ignored */
    public KeyLayout(String prefix) {
        this.prefix = KeyParts.normalizePrefix(prefix);
    }

    /** "" when there is no prefix, else e.g. {@code "archive"} (no trailing slash). */
    public String prefix() {
        return prefix;
    }

    /** @throws IllegalArgumentException if the key would exceed {@link #MAX_KEY_BYTES} or a part is invalid */
    public String format(ArchiveKey key) {
        Objects.requireNonNull(key, "key");
        String formatted = datePrefix(key.consumer(), LocalDate.ofInstant(key.arrival(), ZoneOffset.UTC))
                + key.encodedPartitionKey()
                + '/'
                + KeyParts.timestamp(key.arrival())
                + '/'
                + key.shardId()
                + '-'
                + key.sequenceNumber().value()
                + (key.subSequenceNumber() == null ? "" : "-" + KeyParts.subSequence(key.subSequenceNumber()))
                + SUFFIX;
        int bytes = formatted.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("archive key would be " + bytes + " bytes, S3 allows " + MAX_KEY_BYTES
                    + "; shorten the prefix (" + prefix.getBytes(StandardCharsets.UTF_8).length + " bytes; up to "
                    + MAX_SAFE_PREFIX_BYTES + " always fits): " + formatted);
        }
        return formatted;
    }

    /** @throws IllegalArgumentException naming what does not match the layout (also for loss markers and notices) */
    public ArchiveKey parse(String key) {
        String[] parts = splitUnderPrefix(key);
        if (parts.length >= 2 && parts[1].equals(KeyParts.LOST_SEGMENT)) {
            throw new IllegalArgumentException("key is a loss marker, not an archived record: '" + key + "'");
        }
        if (parts.length >= 2 && parts[1].equals(WideRangeNotice.SEGMENT)) {
            throw new IllegalArgumentException("key is a wide-range notice, not an archived record: '" + key + "'");
        }
        if (parts.length != 5) {
            throw new IllegalArgumentException("key must have 5 segments <consumer>/<date>/<partitionKey>/<timestamp>/"
                    + "<shardId>-<seq>[-<subSeq>].json after the prefix, found " + parts.length + ": '" + key + "'");
        }
        String consumer = ConsumerName.require(parts[0]);
        LocalDate date = KeyParts.parseDate(parts[1]);
        Instant arrival = KeyParts.parseTimestamp(parts[3]);
        if (!KeyParts.date(arrival).equals(parts[1])) {
            throw new IllegalArgumentException(
                    "date segment " + date + " is not the date of timestamp " + parts[3] + ": '" + key + "'");
        }
        try {
            RecordId id = RecordId.parse(parts[4], SUFFIX);
            return new ArchiveKey(
                    consumer, parts[2], arrival, id.shardId(), id.sequenceNumber(), id.subSequenceNumber());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in key '" + key + "'", e);
        }
    }

    /** {@code [<prefix>/]<consumer>/} */
    public String consumerPrefix(String consumer) {
        return (prefix.isEmpty() ? "" : prefix + '/') + ConsumerName.require(consumer) + '/';
    }

    /** {@code [<prefix>/]<consumer>/<yyyy-MM-dd>/} */
    public String datePrefix(String consumer, LocalDate date) {
        return consumerPrefix(consumer) + KeyParts.date(date) + '/';
    }

    /** {@code [<prefix>/]<consumer>/<yyyy-MM-dd>/<encoded partition key>/} */
    public String partitionKeyPrefix(String consumer, LocalDate date, String partitionKey) {
        return datePrefix(consumer, date) + encodePartitionKey(partitionKey) + '/';
    }

    /** {@code [<prefix>/]<consumer>/_lost/<yyyy-MM-dd>/<shardId>-<start>-<end>.json} */
    public String lossMarkerKey(
            String consumer, LocalDate date, String shardId, SequenceNumber start, SequenceNumber end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        return lossMarkerPrefix(consumer)
                + KeyParts.date(date)
                + '/'
                + KeyParts.requireShardId(shardId)
                + '-'
                + start.value()
                + '-'
                + end.value()
                + SUFFIX;
    }

    /**
     * {@code [<prefix>/]_runs/}: where replay runs keep their state (run description, per-key checkpoints, plans). A
     * consumer name never starts with {@code _}, so no consumer's records can be under it.
     */
    public String runsPrefix() {
        return (prefix.isEmpty() ? "" : prefix + '/') + RUNS_SEGMENT + '/';
    }

    /** {@code [<prefix>/]<consumer>/_lost/} */
    public String lossMarkerPrefix(String consumer) {
        return consumerPrefix(consumer) + KeyParts.LOST_SEGMENT + '/';
    }

    /** True for a key of the form {@code [<prefix>/]<consumer>/_lost/<date>/<file>.json} under this layout's prefix. */
    public boolean isLossMarker(String key) {
        if (key == null || !key.startsWith(prefix.isEmpty() ? "" : prefix + '/')) {
            return false;
        }
        String[] parts =
                key.substring(prefix.isEmpty() ? 0 : prefix.length() + 1).split("/", -1);
        return parts.length == 4 && parts[1].equals(KeyParts.LOST_SEGMENT) && parts[3].endsWith(SUFFIX);
    }

    /**
     * Percent-encodes a partition key as one key segment: {@code A-Z a-z 0-9 - . _} kept, every other UTF-8 byte
     * {@code %HH} (uppercase); a segment {@code .} or {@code ..} gets its dots encoded; longer than 512 bytes → first
     * 480 bytes (never inside a triplet) + {@code ~} + 16 lowercase hex chars of the SHA-256 of the original.
     *
     * @throws IllegalArgumentException for an empty key (Kinesis requires 1-256 characters) or a lone surrogate
     */
    public static String encodePartitionKey(String partitionKey) {
        return PartitionKeyEncoding.encode(partitionKey);
    }

    /**
     * The original partition key, or empty when the segment was cut (then only the archived record has it).
     *
     * @throws IllegalArgumentException when the segment is not one {@link #encodePartitionKey} produces
     */
    public static Optional<String> decodePartitionKey(String encodedSegment) {
        return PartitionKeyEncoding.decode(encodedSegment);
    }

    private String[] splitUnderPrefix(String key) {
        Objects.requireNonNull(key, "key");
        String rest = key;
        if (!prefix.isEmpty()) {
            if (!key.startsWith(prefix + '/')) {
                throw new IllegalArgumentException("key does not start with prefix '" + prefix + "/': '" + key + "'");
            }
            rest = key.substring(prefix.length() + 1);
        }
        return rest.split("/", -1);
    }
}
