package dev.pipesrecovery.sandbox.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> RESERVED = Map.of("aws.pipes.pipe-name", "orders-api");

    private final JsonNode event = parse("{\"partitionKey\":\"customer/42\",\"sequenceNumber\":\"4960\","
            + "\"data\":{\"eventId\":\"e-1\",\"amount\":12.5,\"note\":\"say \\\"hi\\\"\"}}");

    @Test
    void insertsObjectsAsJsonAndValuesInsideStringsAsText() {
        String body = new InputTemplate("{\"pipe\":\"<aws.pipes.pipe-name>\",\"key\":\"<$.partitionKey>\","
                + "\"payload\":<$.data>,\"amount\":<$.data.amount>,\"note\":\"<$.data.note>\"}").render(event, RESERVED);
        JsonNode rendered = parse(body);
        assertThat(rendered.get("pipe").asText()).isEqualTo("orders-api");
        assertThat(rendered.get("key").asText()).isEqualTo("customer/42");
        assertThat(rendered.get("payload").get("eventId").asText()).isEqualTo("e-1");
        assertThat(rendered.get("amount").asDouble()).isEqualTo(12.5);
        assertThat(rendered.get("note").asText()).isEqualTo("say \"hi\"");
    }

    @Test
    void anUnresolvedPathIsNullOutsideAndEmptyInsideAString() {
        JsonNode rendered = parse(new InputTemplate("{\"a\":<$.nope.deeper>,\"b\":\"<$.nope>\"}").render(event, RESERVED));
        assertThat(rendered.get("a").isNull()).isTrue();
        assertThat(rendered.get("b").asText()).isEmpty();
    }

    @Test
    void anEmptyTemplateSendsTheEventItself() {
        assertThat(parse(new InputTemplate("").render(event, RESERVED))).isEqualTo(event);
    }

    @Test
    void theWholeEventIsAvailableAsJson() {
        assertThat(parse(new InputTemplate("{\"e\":<aws.pipes.event.json>}").render(event, RESERVED)).get("e"))
                .isEqualTo(event);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
