package dev.pipesrecovery.stream.kpl;

/**
 * A minimal protobuf wire-format reader (https://protobuf.dev/programming-guides/encoding/) over a byte range:
 * varints, length-delimited fields and skipping of unknown fields by wire type. Any malformation throws
 * {@link MalformedProtobufException}.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private int position;
    private final int end;

    ProtoReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    boolean hasMore() {
        return position < end;
    }

    /** The next field's tag: {@code fieldNumber << 3 | wireType}. */
    int readTag() {
        long tag = readVarint();
        if (tag >>> 3 == 0 || tag > Integer.MAX_VALUE) {
            throw new MalformedProtobufException("invalid tag " + tag);
        }
        return (int) tag;
    }

    long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new MalformedProtobufException("truncated varint");
            }
            byte b = bytes[position++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedProtobufException("varint longer than 10 bytes");
    }

    /** A length-delimited field's content as a reader over the same array (no copy). */
    ProtoReader readLengthDelimited() {
        int length = readLength();
        ProtoReader inner = new ProtoReader(bytes, position, length);
        position += length;
        return inner;
    }

    byte[] readBytes() {
        int length = readLength();
        byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return copy;
    }

    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(readLength());
            case FIXED32 -> advance(4);
            default ->
                throw new MalformedProtobufException("unsupported wire type " + wireType); // groups (3, 4) and junk
        }
    }

    private int readLength() {
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new MalformedProtobufException("length " + length + " runs past the end");
        }
        return (int) length;
    }

    private void advance(int count) {
        if (count > end - position) {
            throw new MalformedProtobufException("field runs past the end");
        }
        position += count;
    }
}
