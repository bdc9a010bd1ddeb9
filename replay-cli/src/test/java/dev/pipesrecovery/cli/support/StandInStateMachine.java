package dev.pipesrecovery.cli.support;

import dev.pipesrecovery.testkit.LocalAws;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A one-state machine on moto_server standing in for the replay state machine, whose DISTRIBUTED Map moto cannot
 * run (docs/emulators.md): enough for StartExecution to record what the CLI sent.
 */
public final class StandInStateMachine {

    private StandInStateMachine() {}

    /** Creates it under a name unique to this JVM and {@code purpose}; returns its ARN. */
    public static String create(SfnClient sfn, String purpose) {
        return sfn.createStateMachine(
                        b -> b.name(purpose + "-" + ProcessHandle.current().pid())
                                .roleArn("arn:aws:iam::" + LocalAws.ACCOUNT_ID + ":role/replay-state-machine")
                                .definition(
                                        "{\"StartAt\":\"Stand-in\",\"States\":{\"Stand-in\":{\"Type\":\"Pass\",\"End\":true}}}"))
                .stateMachineArn();
    }
}
