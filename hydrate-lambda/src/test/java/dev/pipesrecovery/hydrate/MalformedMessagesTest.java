package dev.pipesrecovery.hydrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.testkit.SqsEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One bad message never fails its neighbours: each malformed body, and a message naming a stream that does not
 * exist, is exactly one batch item failure with a log line naming the problem, while the good message is archived.
 */
class MalformedMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DLQ_ARN = HydrateFixture.dlqOf("orders-api");

    @Test
    void onlyTheBadMessagesAreReportedEachWithTheProblemNamed() throws Exception {
        HydrateFixture fixture = new HydrateFixture("malformed");
        List<HydrateFixture.Put> puts =
                fixture.put(List.of(new HydrateFixture.TestRecord("pk-1", "good".getBytes(StandardCharsets.UTF_8))));
        String good = DlqBodies.pipes("orders-api", fixture.batchOf(puts));
        ObjectNode noBatchInfo = (ObjectNode) JSON.readTree(good);
        noBatchInfo.remove("KinesisBatchInfo");
        ObjectNode nonNumeric = (ObjectNode) JSON.readTree(good);
        ((ObjectNode) nonNumeric.get("KinesisBatchInfo")).put("startSequenceNumber", "4965x");
        ObjectNode unknownStream = (ObjectNode) JSON.readTree(good);
        String missingStreamArn = "arn:aws:kinesis:us-east-1:123456789012:stream/no-such-stream";
        ((ObjectNode) unknownStream.get("KinesisBatchInfo")).put("streamArn", missingStreamArn);

        SqsEvents.Message goodMessage = SqsEvents.Message.of(good, DLQ_ARN);
        SqsEvents.Message notJson = SqsEvents.Message.of("this is not { json", DLQ_ARN);
        SqsEvents.Message missingBatch = SqsEvents.Message.of(noBatchInfo.toString(), DLQ_ARN);
        SqsEvents.Message badSequence = SqsEvents.Message.of(nonNumeric.toString(), DLQ_ARN);
        SqsEvents.Message noStream = SqsEvents.Message.of(unknownStream.toString(), DLQ_ARN);

        HydrateFixture.Run run = fixture.run(List.of(notJson, missingBatch, goodMessage, badSequence, noStream));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .containsExactlyInAnyOrder(
                        notJson.messageId(), missingBatch.messageId(), badSequence.messageId(), noStream.messageId());
        assertThat(fixture.objects(HydrateFixture.PREFIX + "/orders-api/")).hasSize(1);

        assertThat(onlyLog(run, notJson).path("field").asText()).isEqualTo("body");
        assertThat(onlyLog(run, missingBatch).path("field").asText()).isEqualTo("KinesisBatchInfo");
        JsonNode sequenceLog = onlyLog(run, badSequence);
        assertThat(sequenceLog.path("field").asText()).isEqualTo("KinesisBatchInfo.startSequenceNumber");
        assertThat(sequenceLog.path("error").asText()).contains("KinesisBatchInfo.startSequenceNumber");
        JsonNode streamLog = onlyLog(run, noStream);
        assertThat(streamLog.path("message").asText()).contains("stream range could not be read");
        assertThat(streamLog.path("streamArn").asText()).isEqualTo(missingStreamArn);
        assertThat(streamLog.path("error").asText()).isNotBlank();
        for (SqsEvents.Message bad : List.of(notJson, missingBatch, badSequence, noStream)) {
            assertThat(onlyLog(run, bad).path("level").asText()).isEqualTo("ERROR");
        }
        assertThat(onlyLog(run, goodMessage).path("level").asText()).isEqualTo("INFO");

        // The queue names the consumer, whatever the body says or fails to say: all five count under orders-api.
        JsonNode pipe = run.output().metrics("orders-api");
        assertThat(run.output().text()).doesNotContain("\"Consumer\":\"" + ConsumerResolver.UNKNOWN_CONSUMER + "\"");
        assertThat(pipe.path("DlqMessagesReceived").asLong()).isEqualTo(5);
        assertThat(pipe.path("HydrateFailures").asLong()).isEqualTo(4);
        assertThat(pipe.path("RecordsArchived").asLong()).isEqualTo(1);
        assertThat(pipe.path("RecordsLost").asLong()).isZero();
    }

    @Test
    void anExplicitQueueMappingNamesTheConsumerOfAMalformedMessage() {
        HydrateFixture fixture = new HydrateFixture("malformed-mapped");
        HydrateConfig config =
                fixture.config(java.util.Map.of(HydrateConfig.CONSUMER_BY_QUEUE_ARN, DLQ_ARN + "=billing-api"));
        SqsEvents.Message notJson = SqsEvents.Message.of("{\"hello\":", DLQ_ARN);

        HydrateFixture.Run run = fixture.run(fixture.wiring(config), List.of(notJson));

        assertThat(run.failedMessageIds())
                .as("output:%n%s", run.output().text())
                .containsExactly(notJson.messageId());
        assertThat(onlyLog(run, notJson).path("consumer").asText()).isEqualTo("billing-api");
        assertThat(run.output().metrics("billing-api").path("HydrateFailures").asLong())
                .isEqualTo(1);
    }

    private static JsonNode onlyLog(HydrateFixture.Run run, SqsEvents.Message message) {
        List<JsonNode> logs = run.output().logsFor(message.messageId());
        assertThat(logs)
                .as("log lines of %s in:%n%s", message.messageId(), run.output().text())
                .hasSize(1);
        return logs.get(0);
    }
}
