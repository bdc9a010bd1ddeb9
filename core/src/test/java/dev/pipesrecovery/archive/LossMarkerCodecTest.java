package dev.pipesrecovery.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LossMarkerCodecTest {

    private static final String BODY =
            "{\n  \"context\": {\"condition\": \"RetryAttemptsExhausted\"},\n  \"é\": \"\\u00e9\"\n}";

    private static LossMarker marker(int lostCount) {
        return new LossMarker(
                "orders-api",
                "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
                "shardId-000000000002",
                SequenceNumber.of("100"),
                SequenceNumber.of("200"),
                3,
                lostCount,
                "start sequence number is older than the trim horizon",
                "msg-1",
                BODY,
                Instant.parse("2026-11-23T08:00:00.5Z"));
    }

    @Test
    void writesVersionOneWithTheRawDlqBodyAsAString() {
        String json = new String(LossMarkerCodec.encode(marker(3)), StandardCharsets.UTF_8);
        assertThat(json)
                .isEqualTo("{\"version\":1,\"consumer\":\"orders-api\","
                        + "\"streamArn\":\"arn:aws:kinesis:eu-west-1:123456789012:stream/orders\","
                        + "\"shardId\":\"shardId-000000000002\",\"startSequenceNumber\":\"100\",\"endSequenceNumber\":\"200\","
                        + "\"expectedCount\":3,\"lostCount\":3,"
                        + "\"reason\":\"start sequence number is older than the trim horizon\",\"dlqMessageId\":\"msg-1\","
                        + "\"dlqMessageBody\":\"{\\n  \\\"context\\\": {\\\"condition\\\": \\\"RetryAttemptsExhausted\\\"},"
                        + "\\n  \\\"é\\\": \\\"\\\\u00e9\\\"\\n}\",\"detectedAt\":\"2026-11-23T08:00:00.500Z\"}");
    }

    @Test
    void roundTrips() throws Exception {
        LossMarker decoded = LossMarkerCodec.decode(LossMarkerCodec.encode(marker(2)));
        assertThat(decoded).isEqualTo(marker(2));
        assertThat(decoded.dlqMessageBody()).isEqualTo(BODY);
    }

    @Test
    void rejectsAnotherVersionAMissingFieldAndImpossibleCounts() {
        String json = new String(LossMarkerCodec.encode(marker(3)), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LossMarkerCodec.decode(
                        json.replace("\"version\":1", "\"version\":2").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidArchivedRecordException.class)
                .hasMessageContaining("loss marker has version 2");
        assertThatThrownBy(() -> LossMarkerCodec.decode(
                        json.replace("\"reason\":", "\"why\":").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("reason: is missing");
        assertThatThrownBy(() -> LossMarkerCodec.decode(
                        json.replace("\"lostCount\":3", "\"lostCount\":4").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("lostCount 4 of 3");
        assertThatThrownBy(() -> marker(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
