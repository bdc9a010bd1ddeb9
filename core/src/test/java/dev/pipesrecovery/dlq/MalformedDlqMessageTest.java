package dev.pipesrecovery.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a body can be malformed, each reported with the JSON path of the problem. */
class MalformedDlqMessageTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String REMOVE = "<remove>";

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {"", "   ", "not json", "{\"a\": ", "[1, 2]", "\"text\"", "42", "null", "{} trailing", "{}{}"})
    void rejectsBodiesThatAreNotAJsonObject(String body) {
        assertThatThrownBy(() -> DlqMessageParser.parse(body))
                .isInstanceOfSatisfying(
                        MalformedDlqMessageException.class,
                        e -> assertThat(e.field()).isEqualTo("body"));
    }

    static Stream<Arguments> pipesMutations() {
        return Stream.of(
                Arguments.of("context", REMOVE, "context", "neither an EventBridge Pipes envelope"),
                Arguments.of("context", "\"x\"", "context", "is not a JSON object"),
                Arguments.of("context.partnerResourceArn", REMOVE, "context.partnerResourceArn", "is missing"),
                Arguments.of("context.partnerResourceArn", "\"  \"", "context.partnerResourceArn", "is blank"),
                Arguments.of(
                        "context.partnerResourceArn",
                        "\"arn:aws:pipes:eu-west-1:123456789012:rule/x\"",
                        "context.partnerResourceArn",
                        "pipe/<name>"),
                Arguments.of(
                        "context.partnerResourceArn",
                        "\"arn:aws:lambda:eu-west-1:123456789012:function:f\"",
                        "context.partnerResourceArn",
                        "pipe/<name>"),
                Arguments.of("context.condition", REMOVE, "context.condition", "is missing"),
                Arguments.of("context.condition", "7", "context.condition", "is not a string"),
                Arguments.of("version", REMOVE, "version", "is missing"),
                Arguments.of("timestamp", REMOVE, "timestamp", "is missing"),
                Arguments.of("timestamp", "\"yesterday\"", "timestamp", "is not an ISO-8601 timestamp"),
                Arguments.of("timestamp", "\"2026-11-21 22:41:07\"", "timestamp", "is not an ISO-8601 timestamp"),
                Arguments.of("KinesisBatchInfo", REMOVE, "KinesisBatchInfo", "is missing"),
                Arguments.of("KinesisBatchInfo", "[]", "KinesisBatchInfo", "is not a JSON object"),
                Arguments.of("KinesisBatchInfo.streamArn", REMOVE, "KinesisBatchInfo.streamArn", "is missing"),
                Arguments.of(
                        "KinesisBatchInfo.streamArn",
                        "\"arn:aws:kinesis:eu-west-1:123456789012:orders\"",
                        "KinesisBatchInfo.streamArn",
                        "stream/<name>"),
                Arguments.of(
                        "KinesisBatchInfo.streamArn",
                        "\"arn:aws:sqs:eu-west-1:123456789012:stream/q\"",
                        "KinesisBatchInfo.streamArn",
                        "stream/<name>"),
                Arguments.of("KinesisBatchInfo.shardId", REMOVE, "KinesisBatchInfo.shardId", "is missing"),
                Arguments.of("KinesisBatchInfo.shardId", "\"shard/1\"", "KinesisBatchInfo.shardId", "shard id"),
                Arguments.of(
                        "KinesisBatchInfo.startSequenceNumber",
                        REMOVE,
                        "KinesisBatchInfo.startSequenceNumber",
                        "is missing"),
                Arguments.of(
                        "KinesisBatchInfo.startSequenceNumber",
                        "\"12a\"",
                        "KinesisBatchInfo.startSequenceNumber",
                        "is not a decimal sequence number"),
                Arguments.of(
                        "KinesisBatchInfo.endSequenceNumber",
                        "\"-5\"",
                        "KinesisBatchInfo.endSequenceNumber",
                        "is not a decimal sequence number"),
                Arguments.of(
                        "KinesisBatchInfo.endSequenceNumber",
                        "123",
                        "KinesisBatchInfo.endSequenceNumber",
                        "is not a string"),
                Arguments.of(
                        "KinesisBatchInfo.endSequenceNumber",
                        "\"49658201843260916374628107893418732611003817291052040225\"",
                        "KinesisBatchInfo.endSequenceNumber",
                        "is before startSequenceNumber"),
                Arguments.of(
                        "KinesisBatchInfo.approximateArrivalOfFirstRecord",
                        REMOVE,
                        "KinesisBatchInfo.approximateArrivalOfFirstRecord",
                        "is missing"),
                Arguments.of(
                        "KinesisBatchInfo.approximateArrivalOfLastRecord",
                        "\"2026-13-01T00:00:00Z\"",
                        "KinesisBatchInfo.approximateArrivalOfLastRecord",
                        "is not an ISO-8601 timestamp"),
                Arguments.of("KinesisBatchInfo.batchSize", REMOVE, "KinesisBatchInfo.batchSize", "is missing"),
                Arguments.of("KinesisBatchInfo.batchSize", "0", "KinesisBatchInfo.batchSize", "must be >= 1"),
                Arguments.of("KinesisBatchInfo.batchSize", "-3", "KinesisBatchInfo.batchSize", "must be >= 1"),
                Arguments.of("KinesisBatchInfo.batchSize", "1.5", "KinesisBatchInfo.batchSize", "is not an integer"),
                Arguments.of("KinesisBatchInfo.batchSize", "\"1\"", "KinesisBatchInfo.batchSize", "is not an integer"),
                Arguments.of(
                        "KinesisBatchInfo.batchSize",
                        "99999999999",
                        "KinesisBatchInfo.batchSize",
                        "is not an integer"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("pipesMutations")
    void reportsTheFieldOfEveryProblem(String path, String value, String field, String problem) throws Exception {
        String body = mutate("pipes-kinesis-retry-exhausted.json", path, value);
        assertThatThrownBy(() -> DlqMessageParser.parse(body))
                .isInstanceOfSatisfying(MalformedDlqMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ").contains(problem);
                });
    }

    static Stream<Arguments> lambdaMutations() {
        return Stream.of(
                Arguments.of("requestContext.functionArn", REMOVE, "requestContext.functionArn", "is missing"),
                Arguments.of(
                        "requestContext.functionArn",
                        "\"arn:aws:pipes:eu-west-1:123456789012:pipe/p\"",
                        "requestContext.functionArn",
                        "function:<name>"),
                Arguments.of("requestContext.condition", REMOVE, "requestContext.condition", "is missing"),
                Arguments.of("requestContext", "null", "context", "is missing"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("lambdaMutations")
    void reportsTheFieldOfEveryLambdaEnvelopeProblem(String path, String value, String field, String problem)
            throws Exception {
        String body = mutate("lambda-esm-kinesis-aws-docs-example.json", path, value);
        assertThatThrownBy(() -> DlqMessageParser.parse(body))
                .isInstanceOfSatisfying(MalformedDlqMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(problem);
                });
    }

    @org.junit.jupiter.api.Test
    void saysWhenTheSourceIsADynamoDbStream() throws Exception {
        ObjectNode root =
                (ObjectNode) MAPPER.readTree(DlqMessageParserTest.fixture("pipes-kinesis-retry-exhausted.json"));
        root.set("DDBStreamBatchInfo", root.remove("KinesisBatchInfo"));
        assertThatThrownBy(() -> DlqMessageParser.parse(root.toString()))
                .isInstanceOfSatisfying(MalformedDlqMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("KinesisBatchInfo");
                    assertThat(e.getMessage()).contains("DynamoDB stream sources are not supported");
                });
    }

    private static String mutate(String fixture, String path, String value) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(DlqMessageParserTest.fixture(fixture));
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (value.equals(REMOVE)) {
            parent.remove(last);
        } else {
            JsonNode replacement = MAPPER.readTree(value);
            parent.set(last, replacement);
        }
        return MAPPER.writeValueAsString(root);
    }
}
