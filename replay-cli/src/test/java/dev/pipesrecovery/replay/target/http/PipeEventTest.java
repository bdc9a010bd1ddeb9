package dev.pipesrecovery.replay.target.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The event a Kinesis pipe passes to its target (and to its InputTemplate), rebuilt from an archived record. */
class PipeEventTest {

    private static ArchivedRecord record(String data) {
        SequenceNumber seq = SequenceNumber.of("49656859871234567890123456789012345678901234567891");
        return new ArchivedRecord(
                1,
                "orders-api",
                "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                "shardId-000000000002",
                seq,
                null,
                "customer/42",
                Instant.parse("2026-11-21T22:15:03.123Z"),
                data.getBytes(StandardCharsets.UTF_8),
                new ArchivedRecord.FailureInfo(
                        "src",
                        "RetryAttemptsExhausted",
                        "m",
                        Instant.EPOCH,
                        new ArchivedRecord.BatchRef(seq, seq, 1),
                        Instant.EPOCH));
    }

    @Test
    void theEventHasTheKinesisRecordFieldsWithJsonDataParsed() {
        JsonNode event = PipeEvent.of(record("{\"orderId\":\"o-1\"}"), "arn:aws:iam::123456789012:role/pipe");

        assertThat(event.path("eventSource").asText()).isEqualTo("aws:kinesis");
        assertThat(event.path("eventID").asText())
                .isEqualTo("shardId-000000000002:49656859871234567890123456789012345678901234567891");
        assertThat(event.path("eventSourceARN").asText()).endsWith(":stream/orders");
        assertThat(event.path("awsRegion").asText()).isEqualTo("eu-west-1");
        assertThat(event.path("partitionKey").asText()).isEqualTo("customer/42");
        assertThat(event.path("data").path("orderId").asText()).isEqualTo("o-1");
        assertThat(event.path("approximateArrivalTimestamp").decimalValue()).isEqualByComparingTo("1795299303.123");
        assertThat(event.path("invokeIdentityArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/pipe");
    }

    @Test
    void nonJsonDataStaysBase64() {
        JsonNode event = PipeEvent.of(record("not json"), null);

        assertThat(event.path("data").asText())
                .isEqualTo(Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8)));
        assertThat(event.has("invokeIdentityArn")).isFalse();
    }
}
