package dev.pipesrecovery.sandbox.esm;

import java.util.List;

/**
 * What one poll of the mapping did.
 *
 * @param failedMessageIds messages left on the queue for redelivery (reported failures, or the whole batch when the
 *                         invocation failed)
 * @param invocationError  why the whole invocation failed, or null
 */
public record BatchOutcome(int received, int deleted, List<String> failedMessageIds, String invocationError) {

    public BatchOutcome {
        failedMessageIds = List.copyOf(failedMessageIds);
    }

    static BatchOutcome empty() {
        return new BatchOutcome(0, 0, List.of(), null);
    }
}
