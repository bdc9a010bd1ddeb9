package dev.pipesrecovery.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pipesrecovery.sandbox.ProducedEvent;
import dev.pipesrecovery.sandbox.QueueDrain;
import dev.pipesrecovery.sandbox.esm.LocalSqsEventSourceMapping;
import dev.pipesrecovery.testkit.LocalAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hydrate process killed (SIGKILL) mid-batch: its messages come back after the visibility timeout. */
class HydrateKilledTest {

    @TempDir
    Path dir;

    @Test
    void messagesInFlightWhenTheProcessDiesAreRedeliveredAndArchivedOnce() throws Exception {
        try (Scenario scenario = Scenario.create("hydrate-killed", 2, 5)) {
            List<ProducedEvent> events = scenario.produceAndDeadLetter(30, List.of("a", "b", "c", "d"), 100);
            try (ChildJvm worker = ChildJvm.start(
                    HydrateWorker.class,
                    List.of(
                            scenario.stack.kinesisEndpoint().toString(),
                            scenario.stack.s3Endpoint().toString(),
                            scenario.stack.sqsEndpoint().toString(),
                            scenario.topology.bucket(),
                            Scenario.PREFIX,
                            scenario.topology.dlqUrl(),
                            scenario.topology.dlqArn()),
                    Map.of(),
                    dir.resolve("worker.log"))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (scenario.census().records() < 4) {
                    assertThat(worker.isAlive())
                            .as("worker died: %s", worker.output())
                            .isTrue();
                    assertThat(System.nanoTime())
                            .as("worker archived nothing: %s", worker.output())
                            .isLessThan(deadline);
                    Thread.sleep(50);
                }
                worker.kill9();
            }
            long archivedAtKill = scenario.census().records();
            assertThat(archivedAtKill).as("killed mid-run").isLessThan(events.size());
            assertThat(QueueDrain.of(scenario.stack.sqs(), scenario.topology.dlqUrl()))
                    .isPositive();

            AtomicInteger maxReceiveCount = new AtomicInteger();
            var function = scenario.hydrateFunction(scenario.stack.kinesisEndpoint(), scenario.stack.s3Endpoint());
            try (LocalSqsEventSourceMapping restarted = new LocalSqsEventSourceMapping(
                            scenario.stack.sqs(),
                            scenario.topology.dlqUrl(),
                            scenario.topology.dlqArn(),
                            LocalAws.REGION.id(),
                            "hydrate",
                            (event, context) -> {
                                for (SQSEvent.SQSMessage message : event.getRecords()) {
                                    maxReceiveCount.accumulateAndGet(
                                            Integer.parseInt(
                                                    message.getAttributes().get("ApproximateReceiveCount")),
                                            Math::max);
                                }
                                return function.handler().handleRequest(event, context);
                            },
                            Scenario.QUICK_REDELIVERY)
                    .start(2)) {
                assertThat(QueueDrain.awaitEmpty(
                                scenario.stack.sqs(), scenario.topology.dlqUrl(), Duration.ofSeconds(60)))
                        .isTrue();
            }

            assertThat(maxReceiveCount.get())
                    .as("a message in flight at the kill was received again")
                    .isGreaterThan(1);
            assertThat(scenario.census().records()).isEqualTo(events.size());
            assertThat(scenario.census().lossMarkers()).isEmpty();
            assertThat(scenario.poisonDepth()).isZero();
            assertThat(Archived.records(scenario))
                    .extracting(r -> r.sequenceNumber().value())
                    .containsExactlyInAnyOrderElementsOf(
                            events.stream().map(ProducedEvent::sequenceNumber).toList());
        }
    }
}
