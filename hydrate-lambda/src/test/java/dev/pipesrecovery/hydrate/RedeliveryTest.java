package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/** SQS delivers at least once: the same DLQ message hydrated twice must overwrite nothing and count the repeats. */
class RedeliveryTest {

    @Test
    void theSameMessageTwiceOverwritesNothingAndCountsRecordsAlreadyArchived() {
        HydrateFixture fixture = new HydrateFixture("redelivery");
        List<HydrateFixture.Put> puts = fixture.put(IntStream.range(0, 20)
                .mapToObj(
                        i -> new HydrateFixture.TestRecord("pk-" + i, ("event " + i).getBytes(StandardCharsets.UTF_8)))
                .toList());
        SqsEvents.Message message = SqsEvents.Message.of(
                DlqBodies.pipes("orders-api", fixture.batchOf(puts)), HydrateFixture.queueArn("orders-api-dlq"));

        HydrateFixture.Run first = fixture.run(List.of(message));
        Map<String, S3Object> afterFirst = byKey(fixture.objects(HydrateFixture.PREFIX + "/"));
        Map<String, byte[]> bodiesAfterFirst =
                afterFirst.keySet().stream().collect(Collectors.toMap(Function.identity(), fixture::object));
        HydrateFixture.Run second = fixture.run(List.of(message));

        assertThat(first.failedMessageIds())
                .as("output:%n%s", first.output().text())
                .isEmpty();
        assertThat(second.failedMessageIds())
                .as("output:%n%s", second.output().text())
                .isEmpty();
        JsonNode firstMetrics = first.output().metrics("orders-api");
        JsonNode secondMetrics = second.output().metrics("orders-api");
        assertThat(firstMetrics.path("RecordsArchived").asLong()).isEqualTo(20);
        assertThat(firstMetrics.path("RecordsAlreadyArchived").asLong()).isZero();
        assertThat(secondMetrics.path("RecordsArchived").asLong()).isZero();
        assertThat(secondMetrics.path("RecordsAlreadyArchived").asLong()).isEqualTo(20);
        assertThat(secondMetrics.path("ArchiveBytes").asLong()).isZero();

        Map<String, S3Object> afterSecond = byKey(fixture.objects(HydrateFixture.PREFIX + "/"));
        assertThat(afterSecond).hasSize(20);
        assertThat(afterSecond.keySet()).isEqualTo(afterFirst.keySet());
        afterSecond.forEach((key, object) -> {
            // Same ETag and last-modified time: the object was not written again, and the body (with the first
            // hydratedAt) is unchanged.
            assertThat(object.eTag()).isEqualTo(afterFirst.get(key).eTag());
            assertThat(object.lastModified()).isEqualTo(afterFirst.get(key).lastModified());
            assertThat(fixture.object(key)).isEqualTo(bodiesAfterFirst.get(key));
        });
    }

    private static Map<String, S3Object> byKey(List<S3Object> objects) {
        return objects.stream().collect(Collectors.toMap(S3Object::key, Function.identity()));
    }
}
