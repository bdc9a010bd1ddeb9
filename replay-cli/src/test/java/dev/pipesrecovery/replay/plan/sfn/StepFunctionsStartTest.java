package dev.pipesrecovery.replay.plan.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.StandInStateMachine;
import dev.pipesrecovery.replay.plan.ManagedRunInput;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * StartExecution as the CLI makes it, against moto_server's Step Functions. moto cannot run the replay state
 * machine (its interpreter fails on a DISTRIBUTED Map, docs/emulators.md), so a one-state machine stands in and the
 * test checks what Step Functions recorded: the execution's name and input.
 */
class StepFunctionsStartTest {

    private static SfnClient sfn;
    private static String stateMachineArn;

    @BeforeAll
    static void startMoto() {
        sfn = LocalAws.configure(SfnClient.builder(), Emulators.moto().endpoint())
                .build();
        stateMachineArn = StandInStateMachine.create(sfn, "start-test");
    }

    @AfterAll
    static void close() {
        sfn.close();
    }

    @Test
    void theExecutionIsNamedAfterTheRunAndCarriesTheRunsSettings() throws Exception {
        ManagedRunInput input = new ManagedRunInput(
                "20261127T070000Z-0a1b2c3d",
                "archive-bucket",
                "archive",
                "archive/_runs/20261127T070000Z-0a1b2c3d/plan.jsonl",
                10,
                4,
                null,
                25);

        String executionArn = new StepFunctionsStart(sfn).start(stateMachineArn, input);

        DescribeExecutionResponse execution = sfn.describeExecution(b -> b.executionArn(executionArn));
        assertThat(execution.name()).isEqualTo("20261127T070000Z-0a1b2c3d");
        assertThat(execution.stateMachineArn()).isEqualTo(stateMachineArn);
        assertThat(new ObjectMapper().readValue(execution.input(), Map.class))
                .isEqualTo(Map.of(
                        "runId",
                        "20261127T070000Z-0a1b2c3d",
                        "bucket",
                        "archive-bucket",
                        "prefix",
                        "archive",
                        "planKey",
                        "archive/_runs/20261127T070000Z-0a1b2c3d/plan.jsonl",
                        "rate",
                        10.0,
                        "concurrency",
                        4,
                        "toleratedFailureCount",
                        25));
        assertThat(input.ratePerWorker()).isEqualTo(2.5);
        assertThat(StepFunctionsStart.consoleUrl("eu-west-1", executionArn))
                .startsWith(
                        "https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/arn:");
    }

    @Test
    void settingsOutsideWhatTheStateMachineAcceptsAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new ManagedRunInput("r", "b", "p", "k", 10, 0, null, null))
                .hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> new ManagedRunInput("r", "b", "p", "k", 10, 4, 101, null))
                .hasMessageContaining("--tolerated-failure-percentage");
    }
}
