package dev.pipesrecovery.sandbox.pipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The body EventBridge Pipes sends to its SQS dead-letter queue for a Kinesis batch (aws-facts §1.1): metadata only,
 * no payload, no error, the pipe ARN in {@code context.partnerResourceArn}.
 */
final class PipesDlqMessage {

    /** Documented for exhausted retries. */
    static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";
    /** UNCONFIRMED for pipes (aws-facts §1.1): the name LocalStack's newer code and Lambda ESM emulators use. */
    static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private PipesDlqMessage() {
    }

    static String body(String pipeArn, String condition, Instant now, String shardId, String streamArn,
                       List<Record> batch) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode context = root.putObject("context");
        context.put("partnerResourceArn", pipeArn);
        context.put("condition", condition);
        root.put("version", "1.0");
        root.put("timestamp", MILLIS.format(now));
        ObjectNode info = root.putObject("KinesisBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", batch.get(0).sequenceNumber());
        info.put("endSequenceNumber", batch.get(batch.size() - 1).sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", MILLIS.format(batch.get(0).approximateArrivalTimestamp()));
        info.put("approximateArrivalOfLastRecord",
                MILLIS.format(batch.get(batch.size() - 1).approximateArrivalTimestamp()));
        info.put("batchSize", batch.size());
        info.put("streamArn", streamArn);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the DLQ message", e);
        }
    }
}
