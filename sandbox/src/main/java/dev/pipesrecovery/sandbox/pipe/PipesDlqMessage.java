package dev.pipesrecovery.sandbox.pipe;

import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.DlqMessageWriter;
import dev.pipesrecovery.dlq.DlqSourceKind;
import dev.pipesrecovery.dlq.KinesisBatchInfo;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The body EventBridge Pipes sends to its SQS dead-letter queue for a Kinesis batch (aws-facts §1.1): metadata only,
 * no payload, no error, the pipe ARN in {@code context.partnerResourceArn}; written by core's
 * {@link DlqMessageWriter}, the inverse of the parser the hydrate function reads it with.
 */
final class PipesDlqMessage {

    /** Documented for exhausted retries. */
    static final String RETRY_ATTEMPTS_EXHAUSTED = "RetryAttemptsExhausted";
    /** UNCONFIRMED for pipes (aws-facts §1.1): the name LocalStack's newer code and Lambda ESM emulators use. */
    static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    private PipesDlqMessage() {}

    static String body(
            String pipeArn, String condition, Instant now, String shardId, String streamArn, List<Record> batch) {
        Record first = batch.get(0);
        Record last = batch.get(batch.size() - 1);
        KinesisBatchInfo info = new KinesisBatchInfo(
                streamArn,
                shardId,
                SequenceNumber.of(first.sequenceNumber()),
                SequenceNumber.of(last.sequenceNumber()),
                first.approximateArrivalTimestamp(),
                last.approximateArrivalTimestamp(),
                batch.size());
        return DlqMessageWriter.write(new DlqMessage(DlqSourceKind.PIPE, pipeArn, condition, now, info));
    }
}
