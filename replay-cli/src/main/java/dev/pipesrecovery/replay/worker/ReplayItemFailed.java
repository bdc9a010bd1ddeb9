package dev.pipesrecovery.replay.worker;

/**
 * A plan item ended FAILED or BLOCKED (its checkpoint says so): the state machine's Catch turns it into the failed
 * child whose cause the Fail state shows, so the message names the cause — an error code, the archive key of the
 * record that stopped the key, another chunk's status — and never a payload.
 */
public final class ReplayItemFailed extends RuntimeException {

    public ReplayItemFailed(String message) {
        super(message);
    }
}
