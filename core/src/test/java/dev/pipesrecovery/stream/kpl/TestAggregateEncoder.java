package dev.pipesrecovery.stream.kpl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Test-side encoder, written independently of the main code's writer: builds protobuf bytes field by field so
 * tests can also add unknown fields and break things on purpose.
 */
final class TestAggregateEncoder {

    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestAggregateEncoder varint(int field, long value) {
        tag(field, 0);
        writeVarint(value);
        return this;
    }

    TestAggregateEncoder bytes(int field, byte[] value) {
        tag(field, 2);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    TestAggregateEncoder string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    TestAggregateEncoder message(int field, TestAggregateEncoder message) {
        return bytes(field, message.toBytes());
    }

    TestAggregateEncoder fixed32(int field) {
        tag(field, 5);
        out.writeBytes(new byte[] {1, 2, 3, 4});
        return this;
    }

    TestAggregateEncoder fixed64(int field) {
        tag(field, 1);
        out.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        return this;
    }

    TestAggregateEncoder wireType(int field, int wireType) {
        tag(field, wireType);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** Magic + these bytes as the protobuf + their MD5. */
    byte[] toAggregate() throws Exception {
        byte[] protobuf = toBytes();
        ByteArrayOutputStream aggregate = new ByteArrayOutputStream();
        aggregate.writeBytes(MAGIC);
        aggregate.writeBytes(protobuf);
        aggregate.writeBytes(MessageDigest.getInstance("MD5").digest(protobuf));
        return aggregate.toByteArray();
    }

    static TestAggregateEncoder record(long partitionKeyIndex, String data) {
        return new TestAggregateEncoder().varint(1, partitionKeyIndex).string(3, data);
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
