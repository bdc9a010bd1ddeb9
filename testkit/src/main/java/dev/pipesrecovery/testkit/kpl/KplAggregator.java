package dev.pipesrecovery.testkit.kpl;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds KPL aggregated records as the Kinesis Producer Library writes them (awslabs/amazon-kinesis-producer
 * {@code aggregation-format.md}): magic {@code F3 89 9A C2}, a protobuf {@code AggregatedRecord}, then the 16-byte MD5
 * of the protobuf bytes. Test support: the hydrate function only opens aggregates (core's {@code KplDeaggregator}),
 * so this writer stays out of the production jars. Partition keys and explicit hash keys are stored once each in
 * their tables, in order of first use.
 */
public final class KplAggregator {

    public static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

    // AggregatedRecord fields
    public static final int PARTITION_KEY_TABLE = 1;
    public static final int EXPLICIT_HASH_KEY_TABLE = 2;
    public static final int RECORDS = 3;
    // Record fields
    public static final int PARTITION_KEY_INDEX = 1;
    public static final int EXPLICIT_HASH_KEY_INDEX = 2;
    public static final int DATA = 3;

    private KplAggregator() {}

    public static byte[] aggregate(List<KplUserRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("an aggregate needs at least one user record");
        }
        Map<String, Integer> partitionKeys = new LinkedHashMap<>();
        Map<String, Integer> hashKeys = new LinkedHashMap<>();
        ProtobufWriter recordFields = new ProtobufWriter();
        for (KplUserRecord record : records) {
            ProtobufWriter user =
                    new ProtobufWriter().varint(PARTITION_KEY_INDEX, indexOf(partitionKeys, record.partitionKey()));
            if (record.explicitHashKey() != null) {
                user.varint(EXPLICIT_HASH_KEY_INDEX, indexOf(hashKeys, record.explicitHashKey()));
            }
            recordFields.message(RECORDS, user.bytes(DATA, record.data()));
        }
        ProtobufWriter aggregate = new ProtobufWriter();
        partitionKeys.keySet().forEach(k -> aggregate.string(PARTITION_KEY_TABLE, k));
        hashKeys.keySet().forEach(k -> aggregate.string(EXPLICIT_HASH_KEY_TABLE, k));
        ByteArrayOutputStream protobuf = new ByteArrayOutputStream();
        protobuf.writeBytes(aggregate.toBytes());
        protobuf.writeBytes(recordFields.toBytes());
        return frame(protobuf.toByteArray());
    }

    /** Magic + {@code protobuf} as the {@code AggregatedRecord} + its MD5: any bytes, well-formed or not. */
    public static byte[] frame(byte[] protobuf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(protobuf.length + 20);
        out.writeBytes(MAGIC);
        out.writeBytes(protobuf);
        try {
            out.writeBytes(MessageDigest.getInstance("MD5").digest(protobuf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
        return out.toByteArray();
    }

    private static int indexOf(Map<String, Integer> table, String key) {
        return table.computeIfAbsent(key, k -> table.size());
    }
}
