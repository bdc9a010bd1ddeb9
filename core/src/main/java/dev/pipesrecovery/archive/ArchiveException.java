package dev.pipesrecovery.archive;

/** The archive could not be read or written (network, throttling, permissions). Nothing was lost: retry. */
public class ArchiveException extends RuntimeException {

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }

    public ArchiveException(String message) {
        super(message);
    }
}
