package dev.pipesrecovery.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.LossMarker;
import dev.pipesrecovery.sandbox.EventProducer;
import dev.pipesrecovery.sandbox.PipesReplay;
import dev.pipesrecovery.sandbox.ProducedEvent;
import dev.pipesrecovery.testkit.KinesisLocal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records gone from the stream before the hydrate function reads them. In production this is retention running
 * out (the DLQ message waited longer than the stream keeps records, e.g. 24 h over a weekend: its sequence numbers
 * are older than the trim horizon). kinesis-local cannot trim on demand, so the test deletes the stream and creates
 * it again under the same name: the DLQ messages then name sequence numbers the shard no longer has, which is what
 * a trimmed range looks like to GetShardIterator.
 */
class TrimmedRecordsTest {

    @TempDir
    Path stateDir;

    @Test
    void aRangeThatIsGoneBecomesALossMarkerAndRecordsLostAndShowsInTheList() throws Exception {
        try (Scenario scenario = Scenario.create("trimmed", 1, 5)) {
            List<ProducedEvent> events = scenario.produceAndDeadLetter(4, List.of("a", "b"), 0);
            scenario.stack.kinesis().deleteStream(r -> r.streamName(scenario.consumer));
            awaitDeleted(scenario);
            // kinesis-local derives sequence numbers from the shard's creation time in seconds: a stream recreated
            // within the same second would hand out the very same numbers, which real Kinesis never does
            Thread.sleep(1_100);
            KinesisLocal.createStream(scenario.stack.kinesis(), scenario.consumer, 1);
            List<ProducedEvent> after =
                    new EventProducer(scenario.stack.kinesis(), scenario.consumer, "after").produce(3, List.of("a"), 0);
            assertThat(after)
                    .extracting(ProducedEvent::sequenceNumber)
                    .as("precondition: new sequence numbers")
                    .doesNotContainAnyElementsOf(
                            events.stream().map(ProducedEvent::sequenceNumber).toList());

            scenario.hydrateAll(scenario.stack.kinesisEndpoint(), scenario.stack.s3Endpoint(), Duration.ofSeconds(60));

            assertThat(scenario.census().records())
                    .as("nothing made up from another position")
                    .isZero();
            assertThat(scenario.census().lossMarkers()).hasSize(events.size());
            assertThat(scenario.census().recordsLost()).isEqualTo(events.size());
            assertThat(scenario.census().lossMarkers())
                    .extracting(LossMarker::start)
                    .extracting(s -> s.value())
                    .containsExactlyInAnyOrderElementsOf(
                            events.stream().map(ProducedEvent::sequenceNumber).toList());
            assertThat(scenario.census().lossMarkers())
                    .allSatisfy(m -> assertThat(m.dlqMessageBody()).contains("KinesisBatchInfo"));
            assertThat(scenario.poisonDepth()).isZero();
            assertThat(scenario.hydrateLog()).contains("RecordsLost");

            PipesReplay.Result list = scenario.replay(scenario.stack.s3Endpoint(), stateDir)
                    .run("list", "--consumer", scenario.consumer, "--status", "all");
            assertThat(list.exitCode()).as(list.err()).isIn(0, 3);
            assertThat(list.out() + list.err())
                    .containsIgnoringCase("loss marker")
                    .contains(Integer.toString(events.size()));
        }
    }

    private static void awaitDeleted(Scenario scenario) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            boolean exists =
                    scenario.stack.kinesis().listStreams().streamNames().contains(scenario.consumer);
            if (!exists) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("stream " + scenario.consumer + " was not deleted");
    }
}
