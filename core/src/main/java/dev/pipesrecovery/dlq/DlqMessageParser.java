package dev.pipesrecovery.dlq;

/**
 * Parses a DLQ message body (Pipes envelope or Lambda-ESM envelope). Unknown fields are ignored; {@code condition}
 * is an open string; sequence numbers are decimal strings compared as BigInteger.
 */
public final class DlqMessageParser {

    private DlqMessageParser() {
    }

    /** @throws MalformedDlqMessageException naming the missing or malformed field */
    public static DlqMessage parse(String body) throws MalformedDlqMessageException {
        throw new UnsupportedOperationException("TODO core: DlqMessageParser.parse");
    }

    static String consumerFromSourceArn(DlqSourceKind kind, String sourceArn) {
        throw new UnsupportedOperationException("TODO core: consumerFromSourceArn");
    }
}
