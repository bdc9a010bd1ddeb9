package dev.pipesrecovery.dlq;

/**
 * A DLQ body that is not a Pipes or Lambda-ESM Kinesis failure record. {@link #field()} names the JSON path of the
 * problem (e.g. {@code KinesisBatchInfo.startSequenceNumber}) so the log line tells an operator what to look at.
 */
public class MalformedDlqMessageException extends Exception {

    private final String field;

    public MalformedDlqMessageException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
