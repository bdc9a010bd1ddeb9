package dev.pipesrecovery.replay.run;

/**
 * A partition key that sent nothing more in a run after one of its records was not delivered: the key (its encoded
 * form when the archive cut it), why ({@code cause}: the failure code, or why the record was not sent), the object
 * that was not delivered, and how many later records were held back.
 */
public record BlockedKey(String partitionKey, String cause, String failedKey, long heldBack) {}
