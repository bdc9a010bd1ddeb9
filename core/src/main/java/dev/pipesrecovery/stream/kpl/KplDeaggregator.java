package dev.pipesrecovery.stream.kpl;

import dev.pipesrecovery.stream.StreamRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens KPL aggregated records (magic {@code F3 89 9A C2}, protobuf {@code AggregatedRecord}, 16-byte MD5 trailer;
 * awslabs/amazon-kinesis-producer aggregation-format.md). A record without the magic, or whose MD5 does not match,
 * or whose protobuf does not parse, is a plain record and comes back unchanged.
 *
 * <p>Hand-written (no protobuf or KCL dependency: the Java de-aggregator pulls in the whole KCL, heavy for a Lambda
 * cold start). An aggregate with no user records also comes back unchanged, so that no bytes ever disappear.
 */
public final class KplDeaggregator {

    private KplDeaggregator() {}

    /** One plain record → itself; an aggregate → its user records with sub-sequence numbers 0..n-1. */
    public static List<StreamRecord> deaggregate(StreamRecord record) {
        byte[] data = record.data();
        int protobufLength = data.length - KplFormat.MAGIC.length - KplFormat.MD5_BYTES;
        if (protobufLength < 0
                || !Arrays.equals(data, 0, KplFormat.MAGIC.length, KplFormat.MAGIC, 0, KplFormat.MAGIC.length)) {
            return List.of(record);
        }
        MessageDigest md5 = KplFormat.md5();
        md5.update(data, KplFormat.MAGIC.length, protobufLength);
        if (!Arrays.equals(
                md5.digest(), 0, KplFormat.MD5_BYTES, data, data.length - KplFormat.MD5_BYTES, data.length)) {
            return List.of(record);
        }
        try {
            List<StreamRecord> users = parse(record, new ProtoReader(data, KplFormat.MAGIC.length, protobufLength));
            return users.isEmpty() ? List.of(record) : users;
        } catch (MalformedProtobufException e) {
            return List.of(record);
        }
    }

    private static List<StreamRecord> parse(StreamRecord parent, ProtoReader aggregate) {
        List<String> partitionKeys = new ArrayList<>();
        List<ProtoReader> records = new ArrayList<>();
        while (aggregate.hasMore()) {
            int tag = aggregate.readTag();
            int field = tag >>> 3;
            int wireType = tag & 7;
            if (field == KplFormat.PARTITION_KEY_TABLE && wireType == ProtoReader.LENGTH_DELIMITED) {
                partitionKeys.add(utf8(aggregate.readBytes()));
            } else if (field == KplFormat.RECORDS && wireType == ProtoReader.LENGTH_DELIMITED) {
                records.add(aggregate.readLengthDelimited());
            } else {
                aggregate.skip(wireType); // explicit hash keys and fields added later
            }
        }
        List<StreamRecord> users = new ArrayList<>(records.size());
        for (ProtoReader userRecord : records) {
            users.add(userRecord(parent, users.size(), userRecord, partitionKeys));
        }
        return users;
    }

    private static StreamRecord userRecord(
            StreamRecord parent, long subSequence, ProtoReader record, List<String> partitionKeys) {
        long partitionKeyIndex = -1;
        byte[] data = null;
        while (record.hasMore()) {
            int tag = record.readTag();
            int field = tag >>> 3;
            int wireType = tag & 7;
            if (field == KplFormat.PARTITION_KEY_INDEX && wireType == ProtoReader.VARINT) {
                partitionKeyIndex = record.readVarint();
            } else if (field == KplFormat.DATA && wireType == ProtoReader.LENGTH_DELIMITED) {
                data = record.readBytes();
            } else {
                record.skip(wireType); // explicit_hash_key_index, tags
            }
        }
        if (partitionKeyIndex < 0 || partitionKeyIndex >= partitionKeys.size()) {
            throw new MalformedProtobufException(
                    "partition_key_index " + partitionKeyIndex + " outside a table of " + partitionKeys.size());
        }
        if (data == null) {
            throw new MalformedProtobufException("record without data");
        }
        return new StreamRecord(
                parent.shardId(),
                parent.sequenceNumber(),
                subSequence,
                partitionKeys.get((int) partitionKeyIndex),
                parent.approximateArrivalTimestamp(),
                data);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedProtobufException("partition key is not UTF-8");
        }
    }
}
