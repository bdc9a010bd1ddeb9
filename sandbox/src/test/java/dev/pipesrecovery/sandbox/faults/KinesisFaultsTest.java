package dev.pipesrecovery.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.sandbox.EventProducer;
import dev.pipesrecovery.sandbox.OneAttemptClients;
import dev.pipesrecovery.sandbox.ProducedEvent;
import dev.pipesrecovery.sandbox.Verification;
import dev.pipesrecovery.sandbox.pipe.LocalPipeStandIn;
import dev.pipesrecovery.sandbox.pipe.PipeSettings;
import dev.pipesrecovery.sandbox.pipe.StandInOptions;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Kinesis throttling and expired iterators (a proxy in front of kinesis-local) for the hydrate function and the pipe. */
class KinesisFaultsTest {

    private static final List<String> KEYS = List.of("k-a", "k-b", "k-c");

    @Test
    void hydrateReadsEveryRangeThroughThrottlingAndExpiredIterators() throws Exception {
        try (Scenario scenario = Scenario.create("kinesis-hydrate", 3, 5);
                FaultInjectingProxy kinesis = FaultInjectingProxy.inFrontOf(scenario.stack.kinesisEndpoint())) {
            List<ProducedEvent> events = scenario.produceAndDeadLetter(12, KEYS, 50);
            kinesis.inject(RequestMatch.kinesis("GetRecords"), 4, Fault.kinesisThroughputExceeded())
                    .injectAfter(RequestMatch.kinesis("GetRecords"), 3, 3, Fault.kinesisExpiredIterator())
                    .inject(RequestMatch.kinesis("GetShardIterator"), 2, Fault.kinesisThroughputExceeded());

            scenario.hydrateAll(kinesis.endpoint(), scenario.stack.s3Endpoint(), Duration.ofSeconds(90));

            assertThat(kinesis.injectedCount()).isEqualTo(9);
            assertThat(scenario.census().records()).isEqualTo(events.size());
            assertThat(scenario.census().lossMarkers())
                    .as("throttling is not a loss")
                    .isEmpty();
            assertThat(scenario.poisonDepth()).isZero();
        }
    }

    @Test
    void thePipeDeliversEveryRecordOnceInOrderThroughThrottlingAndExpiredIterators() throws Exception {
        try (Scenario scenario = Scenario.create("kinesis-pipe", 2, 5);
                FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(scenario.stack.kinesisEndpoint());
                KinesisClient throughProxy = OneAttemptClients.kinesis(proxy.endpoint())) {
            List<ProducedEvent> events =
                    new EventProducer(scenario.stack.kinesis(), scenario.consumer, "p").produce(40, KEYS, 0);
            proxy.injectAfter(RequestMatch.kinesis("GetRecords"), 1, 3, Fault.kinesisThroughputExceeded())
                    .injectAfter(RequestMatch.kinesis("GetRecords"), 4, 2, Fault.kinesisExpiredIterator());
            PipeSettings settings = new PipeSettings(
                    scenario.consumer, scenario.consumer, 5, 3, -1, true, 1, "TRIM_HORIZON", "<$.data>", "");
            try (LocalPipeStandIn pipe = new LocalPipeStandIn(
                            settings,
                            StandInOptions.rehearsal(),
                            throughProxy,
                            scenario.stack.sqs(),
                            scenario.topology.dlqUrl(),
                            scenario.partner.url(),
                            LocalAws.REGION.id(),
                            LocalAws.ACCOUNT_ID,
                            Clock.systemUTC(),
                            Sleeper.SYSTEM)
                    .start()) {
                assertThat(pipe.awaitDone(events.size(), Duration.ofSeconds(60)))
                        .isTrue();
                // kinesalite may hand over every record before the pollers meet all five faults: they keep polling
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (pipe.stats().sourceReadErrors() < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(proxy.injectedCount()).isEqualTo(5);
                assertThat(pipe.stats().sourceReadErrors()).isEqualTo(5);
            }
            Verification verification =
                    Verification.of(events, scenario.partner.deliveries().all(), 0, 0, 0, 0, 0);
            assertThat(verification.deliveredOnce()).isEqualTo(events.size());
            assertThat(verification.duplicates()).isZero();
            assertThat(verification.outOfOrder()).isZero();
        }
    }
}
