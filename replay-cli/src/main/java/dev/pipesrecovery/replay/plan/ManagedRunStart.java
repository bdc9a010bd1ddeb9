package dev.pipesrecovery.replay.plan;

/**
 * Starts the execution of a managed run, once its plan and run.json are in the bucket: Step Functions in production
 * ({@code replay.plan.sfn.StepFunctionsStart}); a rehearsal may plug in a local stand-in of the Distributed Map
 * (the sandbox's), since no emulator here runs one.
 */
@FunctionalInterface
public interface ManagedRunStart {

    /** @return the execution's ARN, for the operator to follow the run */
    String start(String stateMachineArn, ManagedRunInput input);
}
