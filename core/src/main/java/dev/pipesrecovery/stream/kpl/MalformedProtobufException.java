package dev.pipesrecovery.stream.kpl;

/** Bytes that are not a well-formed KPL {@code AggregatedRecord}; the record is then treated as a plain record. */
final class MalformedProtobufException extends RuntimeException {

    MalformedProtobufException(String message) {
        super(message, null, false, false);
    }
}
