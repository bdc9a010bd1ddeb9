package dev.pipesrecovery.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.internal.json.JsonTimestamps;

/**
 * Writes a DLQ message body the way the services write it, the inverse of {@link DlqMessageParser}: the sandbox's
 * pipe stand-in dead-letters with it, and tests and benchmarks make their DLQ messages with it. Fields in the
 * services' order (docs/aws-facts.md §1.1 and §1.2): the envelope's context, {@code version}, {@code timestamp},
 * {@code KinesisBatchInfo}; timestamps UTC with milliseconds, sequence numbers as decimal strings. A Lambda event
 * source mapping also writes fields the parser ignores ({@code requestId}, {@code responseContext}, ...): those are
 * not part of {@link DlqMessage} and are not written.
 */
public final class DlqMessageWriter {

    /** The envelope version both services write. */
    public static final String VERSION = "1.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DlqMessageWriter() {}

    public static String write(DlqMessage message) {
        ObjectNode root = JSON.createObjectNode();
        boolean pipe = message.sourceKind() == DlqSourceKind.PIPE;
        ObjectNode context = root.putObject(pipe ? "context" : "requestContext");
        context.put(pipe ? "partnerResourceArn" : "functionArn", message.sourceArn());
        context.put("condition", message.condition());
        root.put("version", VERSION);
        root.put("timestamp", JsonTimestamps.format(message.timestamp()));
        KinesisBatchInfo batch = message.batch();
        ObjectNode info = root.putObject("KinesisBatchInfo");
        info.put("shardId", batch.shardId());
        info.put("startSequenceNumber", batch.startSequenceNumber().value());
        info.put("endSequenceNumber", batch.endSequenceNumber().value());
        info.put("approximateArrivalOfFirstRecord", JsonTimestamps.format(batch.approximateArrivalOfFirstRecord()));
        info.put("approximateArrivalOfLastRecord", JsonTimestamps.format(batch.approximateArrivalOfLastRecord()));
        info.put("batchSize", batch.batchSize());
        info.put("streamArn", batch.streamArn());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
