package dev.pipesrecovery.dlq;

import dev.pipesrecovery.stream.ShardRange;
import java.time.Instant;
import java.util.Objects;

/**
 * A parsed dead-letter message: metadata only, no payload (see DESIGN.md "DLQ message").
 *
 * @param sourceArn  the pipe ARN or the function ARN
 * @param condition  open string, e.g. {@code RetryAttemptsExhausted}
 * @param timestamp  when the service wrote the message
 */
public record DlqMessage(
        DlqSourceKind sourceKind, String sourceArn, String condition, Instant timestamp, KinesisBatchInfo batch) {

    public DlqMessage {
        Objects.requireNonNull(sourceKind, "sourceKind");
        Objects.requireNonNull(sourceArn, "sourceArn");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(batch, "batch");
    }

    /**
     * The consumer this message belongs to when no explicit mapping says otherwise: the pipe name from
     * {@code arn:aws:pipes:<region>:<acct>:pipe/<name>} or the function name from
     * {@code arn:aws:lambda:<region>:<acct>:function:<name>[:qualifier]}.
     */
    public String defaultConsumer() {
        return DlqMessageParser.consumerFromSourceArn(sourceKind, sourceArn);
    }

    public ShardRange range() {
        return batch.range();
    }
}
