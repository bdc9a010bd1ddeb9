package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 fails in the middle of a batch (through a fault-injecting proxy in front of S3Mock): the message whose writes
 * failed is reported for a retry while its neighbours are deleted, and the redelivery completes it with no duplicate
 * and no gap.
 */
class S3OutageTest {

    private static final String DLQ_ARN = HydrateFixture.queueArn("orders-api-dlq");

    @Test
    void aMessageWhoseWritesFailIsRetriedAndTheRetryCompletesIt() {
        HydrateFixture fixture = new HydrateFixture("s3-outage");
        List<HydrateFixture.Put> first = fixture.put(records("first", 5));
        List<HydrateFixture.Put> middle = fixture.put(records("middle", 10));
        List<HydrateFixture.Put> last = fixture.put(records("last", 5));
        SqsEvents.Message a = SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(first)), DLQ_ARN);
        SqsEvents.Message b = SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(middle)), DLQ_ARN);
        SqsEvents.Message c = SqsEvents.Message.of(DlqBodies.pipes("orders-api", fixture.batchOf(last)), DLQ_ARN);
        HydrateConfig config = fixture.config(java.util.Map.of());

        try (FaultInjectingProxy s3Proxy = FaultInjectingProxy.inFrontOf(Emulators.s3())) {
            // S3 answers 503 SlowDown to every write of half of the middle message's records, through every retry.
            String datePrefix = "/" + fixture.bucket + "/"
                    + new KeyLayout(HydrateFixture.PREFIX).datePrefix("orders-api", LocalDate.now(ZoneOffset.UTC));
            for (int i = 5; i < 10; i++) {
                s3Proxy.injectAlways(RequestMatch.http("PUT", datePrefix + "middle-" + i + "/"), Fault.s3SlowDown());
            }
            HydrateFixture.Run outage =
                    fixture.run(Emulators.kinesalite().endpoint(), s3Proxy.endpoint(), config, List.of(a, b, c));

            assertThat(outage.failedMessageIds())
                    .as("output:%n%s", outage.output().text())
                    .containsExactly(b.messageId());
            assertThat(s3Proxy.injectedCount()).isGreaterThanOrEqualTo(5);
            JsonNode failedLog = outage.output().logsFor(b.messageId()).get(0);
            assertThat(failedLog.path("level").asText()).isEqualTo("ERROR");
            assertThat(failedLog.path("writesFailed").asInt()).isEqualTo(5);
            JsonNode outageMetrics = outage.output().metrics("orders-api");
            assertThat(outageMetrics.path("RecordsArchived").asLong()).isEqualTo(15);
            assertThat(outageMetrics.path("HydrateFailures").asLong()).isEqualTo(1);

            s3Proxy.clearFaults();
            HydrateFixture.Run retry =
                    fixture.run(Emulators.kinesalite().endpoint(), s3Proxy.endpoint(), config, List.of(b));

            assertThat(retry.failedMessageIds())
                    .as("output:%n%s", retry.output().text())
                    .isEmpty();
            JsonNode retryMetrics = retry.output().metrics("orders-api");
            assertThat(retryMetrics.path("RecordsArchived").asLong()).isEqualTo(5);
            assertThat(retryMetrics.path("RecordsAlreadyArchived").asLong()).isEqualTo(5);
        }
        List<S3Object> objects = fixture.objects(HydrateFixture.PREFIX + "/orders-api/");
        Set<String> archivedSequenceNumbers = objects.stream()
                .map(o -> new KeyLayout(HydrateFixture.PREFIX)
                        .parse(o.key())
                        .sequenceNumber()
                        .value())
                .collect(Collectors.toSet());
        Set<String> putSequenceNumbers = java.util.stream.Stream.of(first, middle, last)
                .flatMap(List::stream)
                .map(HydrateFixture.Put::sequenceNumber)
                .collect(Collectors.toSet());
        assertThat(objects).hasSize(20); // no duplicate
        assertThat(archivedSequenceNumbers).isEqualTo(putSequenceNumbers); // no gap
    }

    private static List<HydrateFixture.TestRecord> records(String name, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new HydrateFixture.TestRecord(
                        name + "-" + i, (name + " event " + i).getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
