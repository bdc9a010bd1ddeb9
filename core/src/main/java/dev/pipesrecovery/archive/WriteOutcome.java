package dev.pipesrecovery.archive;

/** What a conditional write did. */
public enum WriteOutcome {
    /** The object was written. */
    CREATED,
    /** The key existed (S3 answered 412 to {@code If-None-Match: *}): already archived, nothing overwritten. */
    ALREADY_EXISTS
}
