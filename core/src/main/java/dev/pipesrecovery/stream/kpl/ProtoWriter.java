package dev.pipesrecovery.stream.kpl;

import java.io.ByteArrayOutputStream;

/** A minimal protobuf wire-format writer: varint and length-delimited fields (https://protobuf.dev/programming-guides/encoding/). */
final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varintField(int field, long value) {
        varint((long) field << 3 | ProtoReader.VARINT);
        varint(value);
    }

    void bytesField(int field, byte[] value) {
        varint((long) field << 3 | ProtoReader.LENGTH_DELIMITED);
        varint(value.length);
        out.writeBytes(value);
    }

    void raw(byte[] bytes) {
        out.writeBytes(bytes);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void varint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
