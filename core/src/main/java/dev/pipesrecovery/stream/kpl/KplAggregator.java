package dev.pipesrecovery.stream.kpl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds KPL aggregated records, as the Kinesis Producer Library writes them (awslabs/amazon-kinesis-producer
 * aggregation-format.md): the sandbox uses it to produce aggregates that {@link KplDeaggregator} must open. Partition
 * keys and explicit hash keys are stored once each in their tables, in order of first use.
 */
public final class KplAggregator {

    private KplAggregator() {
    }

    /** Magic + protobuf {@code AggregatedRecord} + MD5 of the protobuf bytes. */
    public static byte[] aggregate(List<KplUserRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("an aggregate needs at least one user record");
        }
        Map<String, Integer> partitionKeys = new LinkedHashMap<>();
        Map<String, Integer> hashKeys = new LinkedHashMap<>();
        ByteArrayOutputStream recordFields = new ByteArrayOutputStream();
        for (KplUserRecord record : records) {
            ProtoWriter user = new ProtoWriter();
            user.varintField(KplFormat.PARTITION_KEY_INDEX, indexOf(partitionKeys, record.partitionKey()));
            if (record.explicitHashKey() != null) {
                user.varintField(KplFormat.EXPLICIT_HASH_KEY_INDEX, indexOf(hashKeys, record.explicitHashKey()));
            }
            user.bytesField(KplFormat.DATA, record.data());
            ProtoWriter wrapper = new ProtoWriter();
            wrapper.bytesField(KplFormat.RECORDS, user.toByteArray());
            recordFields.writeBytes(wrapper.toByteArray());
        }
        ProtoWriter aggregate = new ProtoWriter();
        partitionKeys.keySet().forEach(k -> aggregate.bytesField(KplFormat.PARTITION_KEY_TABLE, utf8(k)));
        hashKeys.keySet().forEach(k -> aggregate.bytesField(KplFormat.EXPLICIT_HASH_KEY_TABLE, utf8(k)));
        aggregate.raw(recordFields.toByteArray());
        byte[] protobuf = aggregate.toByteArray();

        ByteArrayOutputStream out = new ByteArrayOutputStream(protobuf.length + 20);
        out.writeBytes(KplFormat.MAGIC);
        out.writeBytes(protobuf);
        out.writeBytes(KplFormat.md5().digest(protobuf));
        return out.toByteArray();
    }

    private static int indexOf(Map<String, Integer> table, String key) {
        return table.computeIfAbsent(key, k -> table.size());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
