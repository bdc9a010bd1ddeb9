package dev.pipesrecovery.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.stream.SequenceNumber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DlqMessageParserTest {

    static String fixture(String name) {
        try (InputStream in = DlqMessageParserTest.class.getResourceAsStream("/dlq/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parsesThePipesEnvelope() throws Exception {
        DlqMessage message = DlqMessageParser.parse(fixture("pipes-kinesis-retry-exhausted.json"));
        assertThat(message.sourceKind()).isEqualTo(DlqSourceKind.PIPE);
        assertThat(message.sourceArn()).isEqualTo("arn:aws:pipes:eu-west-1:123456789012:pipe/orders-api");
        assertThat(message.defaultConsumer()).isEqualTo("orders-api");
        assertThat(message.condition()).isEqualTo("RetryAttemptsExhausted");
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2026-11-21T22:41:07.314Z"));
        KinesisBatchInfo batch = message.batch();
        assertThat(batch.streamArn()).isEqualTo("arn:aws:kinesis:eu-west-1:123456789012:stream/orders");
        assertThat(batch.shardId()).isEqualTo("shardId-000000000002");
        assertThat(batch.startSequenceNumber())
                .isEqualTo(SequenceNumber.of("49658201843260916374628107893418732611003817291052040226"));
        assertThat(batch.endSequenceNumber()).isEqualTo(batch.startSequenceNumber());
        assertThat(batch.approximateArrivalOfFirstRecord()).isEqualTo(Instant.parse("2026-11-21T22:15:03.123Z"));
        assertThat(batch.approximateArrivalOfLastRecord()).isEqualTo(Instant.parse("2026-11-21T22:15:03.123Z"));
        assertThat(batch.batchSize()).isEqualTo(1);
        assertThat(message.range().expectedCount()).isEqualTo(1);
    }

    @Test
    void parsesTheLambdaEventSourceMappingEnvelope() throws Exception {
        DlqMessage message = DlqMessageParser.parse(fixture("lambda-esm-kinesis-aws-docs-example.json"));
        assertThat(message.sourceKind()).isEqualTo(DlqSourceKind.LAMBDA_ESM);
        assertThat(message.sourceArn()).isEqualTo("arn:aws:lambda:us-east-2:123456789012:function:myfunction");
        assertThat(message.defaultConsumer()).isEqualTo("myfunction");
        assertThat(message.condition()).isEqualTo("RetryAttemptsExhausted");
        assertThat(message.timestamp()).isEqualTo(Instant.parse("2019-11-14T00:38:06.021Z"));
        assertThat(message.range().start())
                .isEqualTo(SequenceNumber.of("49601189658422359378836298521827638475320189012309704722"));
        assertThat(message.range().end())
                .isEqualTo(SequenceNumber.of("49601189658422359378836298522902373528957594348623495186"));
        assertThat(message.range().expectedCount()).isEqualTo(500);
        assertThat(message.batch().approximateArrivalOfLastRecord())
                .isEqualTo(Instant.parse("2019-11-14T00:38:05.580Z"));
        assertThat(message.batch().streamArn()).isEqualTo("arn:aws:kinesis:us-east-2:123456789012:stream/mystream");
    }

    @Test
    void derivesTheConsumerFromEitherArnKind() {
        assertThat(DlqMessageParser.consumerFromSourceArn(
                        DlqSourceKind.PIPE, "arn:aws-cn:pipes:cn-north-1:123456789012:pipe/my.pipe_1-a"))
                .isEqualTo("my.pipe_1-a");
        assertThat(DlqMessageParser.consumerFromSourceArn(
                        DlqSourceKind.LAMBDA_ESM, "arn:aws:lambda:eu-west-1:123456789012:function:hydrate:live"))
                .isEqualTo("hydrate");
        assertThat(DlqMessageParser.consumerFromSourceArn(
                        DlqSourceKind.LAMBDA_ESM, "arn:aws:lambda:eu-west-1:123456789012:function:hydrate:$LATEST"))
                .isEqualTo("hydrate");
        assertThatThrownBy(() -> DlqMessageParser.consumerFromSourceArn(
                        DlqSourceKind.PIPE, "arn:aws:lambda:eu-west-1:123456789012:function:hydrate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pipe/<name>");
    }

    @Test
    void ignoresUnknownFieldsAndKeepsAnUnknownCondition() throws Exception {
        String body = fixture("pipes-kinesis-retry-exhausted.json")
                .replace("\"RetryAttemptsExhausted\"", "\"RecordAgeExceeded\", \"newField\": {\"x\": [1]}")
                .replace("\"version\": \"1.0\"", "\"version\": \"1.0\", \"extra\": true");
        DlqMessage message = DlqMessageParser.parse(body);
        assertThat(message.condition()).isEqualTo("RecordAgeExceeded");
    }

    @Test
    void acceptsTimestampsWithAnOffset() throws Exception {
        String body = fixture("pipes-kinesis-retry-exhausted.json")
                .replace("\"2026-11-21T22:41:07.314Z\"", "\"2026-11-21T23:41:07.314+01:00\"");
        assertThat(DlqMessageParser.parse(body).timestamp()).isEqualTo(Instant.parse("2026-11-21T22:41:07.314Z"));
    }

    @Test
    void namesTheFieldInTheExceptionMessage() {
        assertThatThrownBy(() -> DlqMessageParser.parse("{\"context\": 1}"))
                .isInstanceOfSatisfying(MalformedDlqMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("context");
                    assertThat(e.getMessage()).isEqualTo("context: is not a JSON object (found NUMBER)");
                });
    }
}
