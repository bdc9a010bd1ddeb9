package dev.pipesrecovery.hydrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * DLQ message bodies for tests, made from the two real envelopes in {@code src/test/resources/dlq/} (a Pipes
 * message and the Lambda ESM example from the AWS docs) with the {@code KinesisBatchInfo} pointed at records a test
 * put into kinesis-local.
 */
public final class DlqBodies {

    static final String PIPES_FIXTURE = "/dlq/pipes-kinesis-retry-exhausted.json";
    static final String ESM_FIXTURE = "/dlq/lambda-esm-kinesis-aws-docs-example.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DlqBodies() {
    }

    /** The range of a batch as the pipe would report it. */
    public record Batch(String streamArn, String shardId, String startSequenceNumber, String endSequenceNumber,
                 Instant firstArrival, Instant lastArrival, int batchSize) {
    }

    public static String pipes(String pipeName, Batch batch) {
        ObjectNode body = fixture(PIPES_FIXTURE);
        ((ObjectNode) body.get("context")).put("partnerResourceArn",
                "arn:aws:pipes:us-east-1:123456789012:pipe/" + pipeName);
        return withBatch(body, batch);
    }

    public static String lambdaEsm(String functionName, Batch batch) {
        ObjectNode body = fixture(ESM_FIXTURE);
        ((ObjectNode) body.get("requestContext")).put("functionArn",
                "arn:aws:lambda:us-east-1:123456789012:function:" + functionName);
        return withBatch(body, batch);
    }

    static String fixtureText(String resource) {
        return fixture(resource).toString();
    }

    private static String withBatch(ObjectNode body, Batch batch) {
        body.put("timestamp", batch.lastArrival().plusSeconds(60).toString());
        ObjectNode info = (ObjectNode) body.get("KinesisBatchInfo");
        info.put("streamArn", batch.streamArn());
        info.put("shardId", batch.shardId());
        info.put("startSequenceNumber", batch.startSequenceNumber());
        info.put("endSequenceNumber", batch.endSequenceNumber());
        info.put("approximateArrivalOfFirstRecord", batch.firstArrival().toString());
        info.put("approximateArrivalOfLastRecord", batch.lastArrival().toString());
        info.put("batchSize", batch.batchSize());
        return body.toString();
    }

    private static ObjectNode fixture(String resource) {
        try (InputStream in = DlqBodies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
