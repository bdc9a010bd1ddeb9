package dev.pipesrecovery.replay.target;

import dev.pipesrecovery.archive.ArchivedRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} of a record: the same for every replay of the same stream record (stream ARN, shard,
 * sequence number, sub-sequence), so a partner that de-duplicates by it sees a re-sent request as a repeat.
 * SHA-256 hex of {@code streamArn|shardId|sequenceNumber|subSequence} keeps it short and header-safe.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    public static String of(ArchivedRecord record) {
        return of(record.streamArn(), record.shardId(), record.sequenceNumber().value(), record.subSequenceNumber());
    }

    public static String of(String streamArn, String shardId, String sequenceNumber, Long subSequenceNumber) {
        String identity = streamArn + "|" + shardId + "|" + sequenceNumber + "|"
                + (subSequenceNumber == null ? "" : subSequenceNumber);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
