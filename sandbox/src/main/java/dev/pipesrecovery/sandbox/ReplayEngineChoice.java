package dev.pipesrecovery.sandbox;

/** How a rehearsal's replay phase runs ({@code bin/sandbox demo --replay local|managed}). */
public enum ReplayEngineChoice {
    /** {@code pipes-replay replay} on this machine: the local engine. */
    LOCAL,
    /**
     * {@code pipes-replay replay --engine stepfunctions}: the plan and run.json in the bucket, then every plan line
     * through the replay worker on the {@link StandInStateMachine} (a local stand-in of the Distributed Map).
     */
    MANAGED
}
