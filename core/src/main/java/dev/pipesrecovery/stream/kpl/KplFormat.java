package dev.pipesrecovery.stream.kpl;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The KPL aggregation format (awslabs/amazon-kinesis-producer {@code aggregation-format.md}): magic
 * {@code F3 89 9A C2}, protobuf {@code AggregatedRecord}, then the 16-byte MD5 of the protobuf bytes.
 */
final class KplFormat {

    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    static final int MD5_BYTES = 16;

    // AggregatedRecord fields
    static final int PARTITION_KEY_TABLE = 1;
    static final int EXPLICIT_HASH_KEY_TABLE = 2;
    static final int RECORDS = 3;
    // Record fields
    static final int PARTITION_KEY_INDEX = 1;
    static final int EXPLICIT_HASH_KEY_INDEX = 2;
    static final int DATA = 3;

    private KplFormat() {}

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
