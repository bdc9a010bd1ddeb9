package dev.pipesrecovery.stream;

/** A read that failed for a reason that may pass; the DLQ message is retried, nothing is marked lost. */
public class StreamReadException extends Exception {

    public StreamReadException(String message, Throwable cause) {
        super(message, cause);
    }

    public StreamReadException(String message) {
        super(message);
    }
}
