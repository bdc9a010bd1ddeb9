package dev.pipesrecovery.stream.kinesis;

/** GetShardIterator refused the position while the stream exists: what it pointed at is gone. */
final class UnreadablePositionException extends Exception {

    UnreadablePositionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
