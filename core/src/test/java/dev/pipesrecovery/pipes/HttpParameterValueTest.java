package dev.pipesrecovery.pipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Header and query values of a pipe's HttpParameters: literals, or JSON paths into the event. */
class HttpParameterValueTest {

    private static JsonNode event() throws Exception {
        return InputTemplateTest.event("{\"orderId\":\"o-1\",\"amount\":42.5,\"gone\":null}", true);
    }

    @Test
    void aLiteralIsSentAsItIs() throws Exception {
        assertThat(HttpParameterValue.resolve("orders", event())).contains("orders");
        assertThat(HttpParameterValue.resolve("$ not a path", null)).contains("$ not a path");
    }

    @Test
    void aPathTakesTheTextOfAStringAndTheJsonOfAnythingElse() throws Exception {
        assertThat(HttpParameterValue.resolve("$.eventID", event()))
                .contains("shardId-000000000002:49656859871234567890123456789012345678901234567891");
        assertThat(HttpParameterValue.resolve("$.data.orderId", event())).contains("o-1");
        assertThat(HttpParameterValue.resolve("$.data.amount", event())).contains("42.5");
    }

    @Test
    void aPathToNothingOrToNullHasNoValue() throws Exception {
        assertThat(HttpParameterValue.resolve("$.data.nope", event())).isEmpty();
        assertThat(HttpParameterValue.resolve("$.data.gone", event())).isEmpty();
        assertThat(HttpParameterValue.resolve("$.data.orderId", null)).isEmpty();
    }
}
