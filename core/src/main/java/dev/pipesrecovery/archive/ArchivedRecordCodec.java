package dev.pipesrecovery.archive;

/** JSON codec for {@link ArchivedRecord}; readers ignore unknown fields and reject an unknown version. */
public final class ArchivedRecordCodec {

    private ArchivedRecordCodec() {
    }

    public static byte[] encode(ArchivedRecord record) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** @throws InvalidArchivedRecordException when the bytes are not JSON, miss a field or have an unknown version */
    public static ArchivedRecord decode(byte[] json) throws InvalidArchivedRecordException {
        throw new UnsupportedOperationException("TODO core");
    }
}
