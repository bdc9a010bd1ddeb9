package dev.pipesrecovery.cli;

import picocli.CommandLine.Option;

/**
 * {@code replay}'s engine: this machine (default), or the replay state machine of cloudformation/replay.yaml
 * (README "Replay as a managed job").
 */
public final class EngineOptions {

    /** Where the records are sent from. */
    public enum Engine {
        LOCAL,
        STEPFUNCTIONS
    }

    @Option(
            names = "--engine",
            paramLabel = "local|stepfunctions",
            defaultValue = "local",
            completionCandidates = Engines.class,
            description = "local (default): this machine sends. stepfunctions: write the run's plan to the bucket "
                    + "(_runs/<run id>/plan.jsonl) and start the replay stack's state machine, which sends from AWS "
                    + "to the stack's own target (its TargetArn, and PipeName's InputTemplate and HTTP parameters: "
                    + "--pipe is refused); --rate is shared by --concurrency workers.")
    Engine engine;

    @Option(
            names = "--state-machine",
            paramLabel = "ARN",
            description = "stepfunctions: the replay stack's StateMachineArn output.")
    String stateMachine;

    @Option(
            names = "--tolerated-failure-count",
            paramLabel = "N",
            description = "stepfunctions: plan items (keys or chunks) that may fail before the run stops the others "
                    + "(default: the stack's ToleratedFailureCount).")
    Integer toleratedFailureCount;

    @Option(
            names = "--tolerated-failure-percentage",
            paramLabel = "P",
            description = "stepfunctions: the same as a percentage of the items, 0-100 (default: the stack's).")
    Integer toleratedFailurePercentage;

    static final class Engines extends LowerCaseValues<Engine> {
        Engines() {
            super(Engine.class);
        }
    }

    boolean managed() {
        return engine == Engine.STEPFUNCTIONS;
    }
}
