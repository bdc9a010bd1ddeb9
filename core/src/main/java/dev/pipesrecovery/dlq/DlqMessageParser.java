package dev.pipesrecovery.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.internal.json.JsonFieldException;
import dev.pipesrecovery.internal.json.JsonObjectReader;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;

/**
 * Parses a DLQ message body (Pipes envelope or Lambda-ESM envelope). Unknown fields are ignored; {@code condition}
 * is an open string; sequence numbers are decimal strings compared as BigInteger.
 *
 * <p>Shapes: docs/aws-facts.md §1.1 (Pipes, no AWS example exists) and §1.2
 * (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html).
 */
public final class DlqMessageParser {

    /** Trailing tokens fail: a body is one JSON object, not an object followed by garbage. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DlqMessageParser() {}

    /** @throws MalformedDlqMessageException naming the missing or malformed field */
    public static DlqMessage parse(String body) throws MalformedDlqMessageException {
        try {
            return parseObject(rootObject(body));
        } catch (JsonFieldException e) {
            throw new MalformedDlqMessageException(e.path(), e.problem());
        }
    }

    private static DlqMessage parseObject(JsonNode object) throws MalformedDlqMessageException {
        JsonObjectReader root = new JsonObjectReader(object, "");
        DlqSourceKind kind;
        JsonObjectReader context;
        String arnField;
        if (root.has("context")) {
            kind = DlqSourceKind.PIPE;
            context = root.object("context");
            arnField = "partnerResourceArn";
        } else if (root.has("requestContext")) {
            kind = DlqSourceKind.LAMBDA_ESM;
            context = root.object("requestContext");
            arnField = "functionArn";
        } else {
            throw new MalformedDlqMessageException(
                    "context",
                    "is missing: neither an EventBridge Pipes envelope "
                            + "(context.partnerResourceArn) nor a Lambda event source mapping envelope (requestContext.functionArn)");
        }
        String sourceArn = context.text(arnField);
        if (SourceArns.consumerName(kind, sourceArn).isEmpty()) {
            throw new MalformedDlqMessageException(
                    context.field(arnField), "is not a " + SourceArns.shape(kind) + " ARN: '" + sourceArn + "'");
        }
        String condition = context.text("condition");
        root.text("version"); // required, value open: a new version is tolerated as long as the fields read below exist
        Instant timestamp = root.timestamp("timestamp");
        return new DlqMessage(kind, sourceArn, condition, timestamp, batchInfo(root));
    }

    static String consumerFromSourceArn(DlqSourceKind kind, String sourceArn) {
        return SourceArns.consumerName(kind, sourceArn)
                .orElseThrow(() ->
                        new IllegalArgumentException("not a " + SourceArns.shape(kind) + " ARN: '" + sourceArn + "'"));
    }

    private static JsonNode rootObject(String body) throws MalformedDlqMessageException {
        if (body == null || body.isBlank()) {
            throw new MalformedDlqMessageException("body", "is empty");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedDlqMessageException("body", "is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedDlqMessageException(
                    "body", "is not a JSON object (found " + (node == null ? "nothing" : node.getNodeType()) + ")");
        }
        return node;
    }

    private static KinesisBatchInfo batchInfo(JsonObjectReader root) throws MalformedDlqMessageException {
        if (!root.has("KinesisBatchInfo") && root.has("DDBStreamBatchInfo")) {
            throw new MalformedDlqMessageException(
                    "KinesisBatchInfo",
                    "is missing; the message has DDBStreamBatchInfo:"
                            + " DynamoDB stream sources are not supported, only Kinesis");
        }
        JsonObjectReader batch = root.object("KinesisBatchInfo");
        String streamArn = batch.text("streamArn");
        if (!SourceArns.isStreamArn(streamArn)) {
            throw new MalformedDlqMessageException(
                    batch.field("streamArn"), "is not a " + SourceArns.STREAM_SHAPE + " ARN: '" + streamArn + "'");
        }
        String shardId = batch.text("shardId");
        if (!shardId.matches("[a-zA-Z0-9_.-]{1,128}")) {
            throw new MalformedDlqMessageException(
                    batch.field("shardId"), "is not a Kinesis shard id ([a-zA-Z0-9_.-]{1,128}): '" + shardId + "'");
        }
        SequenceNumber start = batch.sequenceNumber("startSequenceNumber");
        SequenceNumber end = batch.sequenceNumber("endSequenceNumber");
        if (end.isBefore(start)) {
            throw new MalformedDlqMessageException(
                    batch.field("endSequenceNumber"), "is before startSequenceNumber (" + end + " < " + start + ")");
        }
        Instant first = batch.timestamp("approximateArrivalOfFirstRecord");
        Instant last = batch.timestamp("approximateArrivalOfLastRecord");
        int batchSize = batch.integer("batchSize");
        if (batchSize < 1) {
            throw new MalformedDlqMessageException(batch.field("batchSize"), "must be >= 1, was " + batchSize);
        }
        return new KinesisBatchInfo(streamArn, shardId, start, end, first, last, batchSize);
    }
}
