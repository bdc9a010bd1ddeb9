package dev.pipesrecovery.replay.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The InputTemplate engine on the event shape a Kinesis pipe passes to its target. */
class InputTemplateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> VARIABLES = Map.of(
            "aws.pipes.pipe-name", "orders-api",
            "aws.pipes.pipe-arn", "arn:aws:pipes:us-east-1:123456789012:pipe/orders-api");

    private static ArchivedRecord record(String data) {
        SequenceNumber seq = SequenceNumber.of("49656859871234567890123456789012345678901234567891");
        return new ArchivedRecord(1, "orders-api", "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                "shardId-000000000002", seq, null, "customer/42", Instant.parse("2026-11-21T22:15:03.123Z"),
                data.getBytes(StandardCharsets.UTF_8), new ArchivedRecord.FailureInfo("src", "RetryAttemptsExhausted",
                "m", Instant.EPOCH, new ArchivedRecord.BatchRef(seq, seq, 1), Instant.EPOCH));
    }

    private static String render(String template, String data) {
        return new InputTemplate(template).render(PipeEvent.of(record(data), "arn:aws:iam::123456789012:role/pipe"),
                VARIABLES);
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
    void objectsGoInAsJsonAndStringsInsideQuotesStayStrings() throws Exception {
        String body = render("{\"order\": <$.data>, \"id\": \"<$.data.orderId>\", \"amount\": <$.data.amount>, "
                + "\"key\": \"<$.partitionKey>\", \"pipe\": \"<aws.pipes.pipe-name>\"}",
                "{\"orderId\":\"o-\\\"1\\\"\",\"amount\":42.5,\"items\":[{\"sku\":\"a\"}]}");

        JsonNode json = MAPPER.readTree(body);
        assertThat(json.path("order").path("items").get(0).path("sku").asText()).isEqualTo("a");
        assertThat(json.path("id").asText()).isEqualTo("o-\"1\"");
        assertThat(json.path("amount").decimalValue()).isEqualByComparingTo("42.5");
        assertThat(json.path("key").asText()).isEqualTo("customer/42");
        assertThat(json.path("pipe").asText()).isEqualTo("orders-api");
    }

    @Test
    void arrayIndexesAndMissingPaths() throws Exception {
        String body = render("{\"first\": \"<$.data.items[1].sku>\", \"none\": <$.data.nope>, \"empty\": \"<$.x>\"}",
                "{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}");

        JsonNode json = MAPPER.readTree(body);
        assertThat(json.path("first").asText()).isEqualTo("b");
        assertThat(json.path("none").isNull()).isTrue();
        assertThat(json.path("empty").asText()).isEmpty();
    }

    @Test
    void nonJsonDataStaysBase64AndPlainTextTemplatesWork() {
        String body = render("Order from <$.partitionKey>: <$.data>", "not json");

        assertThat(body).isEqualTo("Order from customer/42: "
                + Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void wholeEventVariables() throws Exception {
        String body = render("{\"event\": <aws.pipes.event.json>, \"raw\": \"<aws.pipes.event>\"}", "{\"a\":1}");

        JsonNode json = MAPPER.readTree(body);
        assertThat(json.path("event").path("data").path("a").asInt()).isEqualTo(1);
        assertThat(MAPPER.readTree(json.path("raw").asText()).path("partitionKey").asText()).isEqualTo("customer/42");
    }
}
