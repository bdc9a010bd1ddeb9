package dev.pipesrecovery.pipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The InputTemplate engine on the event shape a Kinesis pipe passes to its target (eb-pipes-kinesis: the Kinesis
 * record fields, {@code data} parsed when it is JSON, else base64).
 */
class InputTemplateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> VARIABLES = Map.of(
            "aws.pipes.pipe-name", "orders-api",
            "aws.pipes.pipe-arn", "arn:aws:pipes:us-east-1:123456789012:pipe/orders-api");

    /** A Kinesis pipe event; {@code data} is the parsed payload when {@code json}, else its base64. */
    static ObjectNode event(String data, boolean json) throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree("{\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\","
                + "\"eventID\":\"shardId-000000000002:49656859871234567890123456789012345678901234567891\","
                + "\"eventName\":\"aws:kinesis:record\",\"awsRegion\":\"eu-west-1\","
                + "\"eventSourceARN\":\"arn:aws:kinesis:eu-west-1:123456789012:stream/orders\","
                + "\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"customer/42\","
                + "\"sequenceNumber\":\"49656859871234567890123456789012345678901234567891\","
                + "\"approximateArrivalTimestamp\":1795299303.123}");
        if (json) {
            event.set("data", MAPPER.readTree(data));
        } else {
            event.put("data", Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
        }
        return event;
    }

    private static String render(String template, String jsonData) throws Exception {
        return new InputTemplate(template).render(event(jsonData, true), VARIABLES);
    }

    @Test
    void objectsGoInAsJsonAndStringsInsideQuotesStayStrings() throws Exception {
        String body = render(
                "{\"order\": <$.data>, \"id\": \"<$.data.orderId>\", \"amount\": <$.data.amount>, "
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
        String body = render(
                "{\"first\": \"<$.data.items[1].sku>\", \"none\": <$.data.nope>, \"empty\": \"<$.x>\"}",
                "{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}");

        JsonNode json = MAPPER.readTree(body);
        assertThat(json.path("first").asText()).isEqualTo("b");
        assertThat(json.path("none").isNull()).isTrue();
        assertThat(json.path("empty").asText()).isEmpty();
    }

    @Test
    void nonJsonDataStaysBase64AndPlainTextTemplatesWork() throws Exception {
        String body =
                new InputTemplate("Order from <$.partitionKey>: <$.data>").render(event("not json", false), VARIABLES);

        assertThat(body)
                .isEqualTo("Order from customer/42: "
                        + Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void wholeEventVariables() throws Exception {
        String body = render("{\"event\": <aws.pipes.event.json>, \"raw\": \"<aws.pipes.event>\"}", "{\"a\":1}");

        JsonNode json = MAPPER.readTree(body);
        assertThat(json.path("event").path("data").path("a").asInt()).isEqualTo(1);
        assertThat(MAPPER.readTree(json.path("raw").asText())
                        .path("partitionKey")
                        .asText())
                .isEqualTo("customer/42");
    }
}
