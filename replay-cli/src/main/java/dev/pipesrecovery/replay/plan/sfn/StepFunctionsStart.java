package dev.pipesrecovery.replay.plan.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.replay.plan.ManagedRunInput;
import dev.pipesrecovery.replay.plan.ManagedRunStart;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Starts a managed replay run: one execution of the replay state machine, named after the run id. Step Functions
 * treats a StartExecution with the name and input of a running or recent execution as the same call, so starting a
 * run twice (a retry after a timeout) does not start two runs
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html).
 */
public final class StepFunctionsStart implements ManagedRunStart {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SfnClient sfn;

    public StepFunctionsStart(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public String start(String stateMachineArn, ManagedRunInput input) {
        return sfn.startExecution(b ->
                        b.stateMachineArn(stateMachineArn).name(input.runId()).input(json(input)))
                .executionArn();
    }

    /** The console page of an execution, for the operator to follow the run. */
    public static String consoleUrl(String region, String executionArn) {
        return "https://" + region + ".console.aws.amazon.com/states/home?region=" + region + "#/v2/executions/details/"
                + executionArn;
    }

    static String json(ManagedRunInput input) {
        try {
            return JSON.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
