package dev.pipesrecovery.replay.plan.standin;

import java.util.List;

/**
 * What a stand-in Map Run did: items done and failed (each failure as the state machine's Fail state words it:
 * partition key, chunk, run, cause), worker invocations, and whether it stopped early because more items failed
 * than tolerated (items not started then are not counted).
 */
public record StandInResult(long succeeded, List<String> failures, long invocations, boolean stoppedEarly) {

    public StandInResult {
        failures = List.copyOf(failures);
    }
}
