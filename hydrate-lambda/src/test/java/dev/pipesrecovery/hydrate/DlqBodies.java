package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.DlqMessageWriter;
import dev.pipesrecovery.dlq.DlqSourceKind;
import dev.pipesrecovery.dlq.KinesisBatchInfo;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;

/**
 * DLQ message bodies for tests, in the two envelopes (a pipe's, a Lambda event source mapping's) as core's
 * {@link DlqMessageWriter} writes them, pointed at records a test put into the stream; written a minute after the
 * batch's last record, as a service gives up.
 */
public final class DlqBodies {

    private DlqBodies() {}

    /** The range of a batch as the pipe would report it. */
    public record Batch(
            String streamArn,
            String shardId,
            String startSequenceNumber,
            String endSequenceNumber,
            Instant firstArrival,
            Instant lastArrival,
            int batchSize) {}

    public static String pipes(String pipeName, Batch batch) {
        return write(DlqSourceKind.PIPE, "arn:aws:pipes:us-east-1:123456789012:pipe/" + pipeName, batch);
    }

    public static String lambdaEsm(String functionName, Batch batch) {
        return write(DlqSourceKind.LAMBDA_ESM, "arn:aws:lambda:us-east-1:123456789012:function:" + functionName, batch);
    }

    private static String write(DlqSourceKind kind, String sourceArn, Batch batch) {
        KinesisBatchInfo info = new KinesisBatchInfo(
                batch.streamArn(),
                batch.shardId(),
                SequenceNumber.of(batch.startSequenceNumber()),
                SequenceNumber.of(batch.endSequenceNumber()),
                batch.firstArrival(),
                batch.lastArrival(),
                batch.batchSize());
        return DlqMessageWriter.write(new DlqMessage(
                kind, sourceArn, "RetryAttemptsExhausted", batch.lastArrival().plusSeconds(60), info));
    }
}
