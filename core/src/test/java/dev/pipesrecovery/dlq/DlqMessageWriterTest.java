package dev.pipesrecovery.dlq;

import static dev.pipesrecovery.dlq.DlqMessageParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The writer against the services' own shapes ({@code src/test/resources/dlq/}) and the parser. */
class DlqMessageWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesThePipesFixtureBackByteForByte() throws Exception {
        String fixture = fixture("pipes-kinesis-retry-exhausted.json");

        String written = DlqMessageWriter.write(DlqMessageParser.parse(fixture));

        assertThat(written).isEqualTo(JSON.readTree(fixture).toString()); // same fields, values and order
    }

    @Test
    void writesEveryFieldOfTheLambdaFixtureThatTheMessageHolds() throws Exception {
        String fixture = fixture("lambda-esm-kinesis-aws-docs-example.json");
        ObjectNode expected = (ObjectNode) JSON.readTree(fixture);
        // what the Lambda service writes besides: the parser ignores it, so a DlqMessage does not hold it
        expected.remove("responseContext");
        ((ObjectNode) expected.get("requestContext")).remove(java.util.List.of("requestId", "approximateInvokeCount"));

        JsonNode written = JSON.readTree(DlqMessageWriter.write(DlqMessageParser.parse(fixture)));

        assertThat(written).isEqualTo(expected);
        assertThat(written.toString()).isEqualTo(expected.toString()); // in the service's order too
    }

    @Test
    void whatItWritesParsesBackToTheSameMessage() throws Exception {
        KinesisBatchInfo batch = new KinesisBatchInfo(
                "arn:aws-cn:kinesis:cn-north-1:123456789012:stream/orders.v2",
                "shardId-000000000007",
                SequenceNumber.of("49658201843260916374628107893418732611003817291052040226"),
                SequenceNumber.of("49658201843260916374628107893418732611003817291052049999"),
                Instant.parse("2026-11-21T22:15:03.123Z"),
                Instant.parse("2026-11-21T22:15:04Z"),
                3);
        for (DlqMessage message : new DlqMessage[] {
            new DlqMessage(
                    DlqSourceKind.PIPE,
                    "arn:aws:pipes:eu-west-1:123456789012:pipe/orders.api_v2",
                    "RecordAgeExceeded",
                    Instant.parse("2026-11-21T22:41:07.314Z"),
                    batch),
            new DlqMessage(
                    DlqSourceKind.LAMBDA_ESM,
                    "arn:aws:lambda:eu-west-1:123456789012:function:f:live",
                    "a condition no service wrote yet",
                    Instant.parse("2026-11-21T22:41:07Z"),
                    batch)
        }) {
            String body = DlqMessageWriter.write(message);

            assertThat(DlqMessageParser.parse(body)).isEqualTo(message);
            assertThat(JSON.readTree(body).path("timestamp").asText()).matches("2026-11-21T22:41:07\\.(314|000)Z");
            assertThat(JSON.readTree(body)
                            .path("KinesisBatchInfo")
                            .path("approximateArrivalOfLastRecord")
                            .asText())
                    .isEqualTo("2026-11-21T22:15:04.000Z");
            assertThat(JSON.readTree(body)
                            .path("KinesisBatchInfo")
                            .path("startSequenceNumber")
                            .isTextual())
                    .isTrue();
        }
    }
}
