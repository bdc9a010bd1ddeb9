package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.plan.ManagedRunStart;
import dev.pipesrecovery.replay.plan.s3.S3PlanUpload;
import dev.pipesrecovery.replay.state.sfn.StepFunctionsRunStatus;

/**
 * What {@code replay --engine stepfunctions} needs besides the archive (the plan's upload and the execution's start:
 * Step Functions, or a rehearsal's stand-in), and what {@code status} asks Step Functions about a managed run.
 */
public record ManagedRunClients(S3PlanUpload plans, ManagedRunStart executions, StepFunctionsRunStatus runs) {

    /** The same clients, with {@code start} starting the runs (the sandbox's and the benchmark's stand-in). */
    public ManagedRunClients startingWith(ManagedRunStart start) {
        return new ManagedRunClients(plans, start, runs);
    }
}
