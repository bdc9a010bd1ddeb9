package dev.pipesrecovery.testkit.kpl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf wire format field by field (https://protobuf.dev/programming-guides/encoding/): what
 * {@link KplAggregator} builds aggregates with, and what tests use to write the fields a well-behaved producer never
 * writes (unknown fields, other wire types, bad indexes) to see the de-aggregator cope. Written independently of
 * core's reader, so the two check each other.
 */
public final class ProtobufWriter {

    /** Wire types. */
    public static final int VARINT = 0;

    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;
    public static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtobufWriter varint(int field, long value) {
        tag(field, VARINT);
        writeVarint(value);
        return this;
    }

    public ProtobufWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    public ProtobufWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A nested message: length-delimited. */
    public ProtobufWriter message(int field, ProtobufWriter message) {
        return bytes(field, message.toBytes());
    }

    /** A fixed32 field (4 arbitrary bytes). */
    public ProtobufWriter fixed32(int field) {
        tag(field, FIXED32);
        out.writeBytes(new byte[] {1, 2, 3, 4});
        return this;
    }

    /** A fixed64 field (8 arbitrary bytes). */
    public ProtobufWriter fixed64(int field) {
        tag(field, FIXED64);
        out.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        return this;
    }

    /** A bare tag of any wire type, e.g. the deprecated groups (3, 4) or an invalid one. */
    public ProtobufWriter wireType(int field, int wireType) {
        tag(field, wireType);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        writeVarint((long) field << 3 | wireType);
    }

    private void writeVarint(long value) {
        long v = value;
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
