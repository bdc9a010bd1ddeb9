package dev.pipesrecovery.replay.state.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.StandInStateMachine;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunRequest;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ListMapRunsRequest;
import software.amazon.awssdk.services.sfn.model.ListMapRunsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunItemCounts;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * The execution's status comes from moto_server's Step Functions. moto 5.2.1 cannot run a Distributed Map and lists no
 * Map Run for any execution, so the Map Run calls alone are answered by {@link MapRunStub}, named as such; the status
 * call always goes to moto.
 */
class StepFunctionsRunStatusTest {

    private static SfnClient moto;
    private static String executionArn;

    @BeforeAll
    static void start() {
        moto = LocalAws.configure(SfnClient.builder(), Emulators.moto().endpoint())
                .build();
        String machine = StandInStateMachine.create(moto, "status-test");
        executionArn = moto.startExecution(b -> b.stateMachineArn(machine).name("run-" + System.nanoTime()))
                .executionArn();
    }

    @AfterAll
    static void close() {
        moto.close();
    }

    @Test
    void theItemCountsOfTheMapRunAreGivenWithTheExecutionsStatus() {
        MapRunStub stub = new MapRunStub(moto, false);

        StepFunctionsRunStatus.Execution execution =
                new StepFunctionsRunStatus(stub, e -> e.getMessage()).describe(executionArn);

        assertThat(execution.status())
                .isEqualTo(moto.describeExecution(b -> b.executionArn(executionArn))
                        .statusAsString());
        assertThat(execution.mapRunArn()).isEqualTo(MapRunStub.MAP_RUN_ARN);
        assertThat(execution.items()).isEqualTo(new StepFunctionsRunStatus.Items(500, 10, 40, 440, 7, 2, 1));
        assertThat(execution.itemsUnknown()).isNull();
    }

    @Test
    void aMapRunThatCannotBeReadIsUnknownWithWhyAndTheStatusIsStillGiven() {
        StepFunctionsRunStatus.Execution execution =
                new StepFunctionsRunStatus(new MapRunStub(moto, true), e -> "access denied").describe(executionArn);

        assertThat(execution.status()).isNotNull();
        assertThat(execution.items()).isNull();
        assertThat(execution.itemsUnknown()).isEqualTo("states:ListMapRuns: access denied");
    }

    @Test
    void onMotoAloneNoMapRunIsListedAndThatIsSaid() {
        StepFunctionsRunStatus.Execution execution =
                new StepFunctionsRunStatus(moto, e -> e.getMessage()).describe(executionArn);

        assertThat(execution.status()).isNotNull();
        assertThat(execution.items()).isNull();
        assertThat(execution.itemsUnknown()).isNotBlank();
    }

    /**
     * Stub for ListMapRuns and DescribeMapRun only (moto cannot produce a Map Run); DescribeExecution goes to moto.
     * With {@code denied}, ListMapRuns fails as an IAM denial would.
     */
    private record MapRunStub(SfnClient moto, boolean denied) implements SfnClient {

        static final String MAP_RUN_ARN = "arn:aws:states:us-east-1:123456789012:mapRun:replay/Replay:abc";

        @Override
        public DescribeExecutionResponse describeExecution(Consumer<DescribeExecutionRequest.Builder> request) {
            return moto.describeExecution(request);
        }

        @Override
        public ListMapRunsResponse listMapRuns(Consumer<ListMapRunsRequest.Builder> request) {
            if (denied) {
                throw SfnException.builder().message("denied").statusCode(400).build();
            }
            return ListMapRunsResponse.builder()
                    .mapRuns(MapRunListItem.builder().mapRunArn(MAP_RUN_ARN).build())
                    .build();
        }

        @Override
        public DescribeMapRunResponse describeMapRun(Consumer<DescribeMapRunRequest.Builder> request) {
            return DescribeMapRunResponse.builder()
                    .itemCounts(MapRunItemCounts.builder()
                            .total(500L)
                            .pending(10L)
                            .running(40L)
                            .succeeded(440L)
                            .failed(7L)
                            .timedOut(2L)
                            .aborted(1L)
                            .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return "sfn";
        }

        @Override
        public void close() {}
    }
}
