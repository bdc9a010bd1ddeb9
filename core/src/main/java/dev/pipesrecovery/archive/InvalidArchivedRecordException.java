package dev.pipesrecovery.archive;

/** An archive object whose body is not a readable {@link ArchivedRecord} (or {@link LossMarker}). */
public class InvalidArchivedRecordException extends Exception {

    public InvalidArchivedRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidArchivedRecordException(String message) {
        super(message);
    }
}
