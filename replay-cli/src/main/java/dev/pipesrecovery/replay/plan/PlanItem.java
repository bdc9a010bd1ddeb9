package dev.pipesrecovery.replay.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One line of a run's plan ({@code _runs/<runId>/plan.jsonl}) and one item of the Step Functions Distributed Map:
 * the records of one partition key, or one chunk of a hot key, that a replay worker sends in order.
 *
 * <p>The item's records are the archived records under {@code prefix} (the key's prefix of one UTC day,
 * {@code [<p>/]<consumer>/<yyyy-MM-dd>/<encoded key>/}) whose S3 keys lie between {@code firstKey} and
 * {@code lastKey}, both inclusive, that the run's selection (in {@code run.json}) still selects; {@code count} and
 * {@code bytes} are those records as planned. Under one partition key, S3 key order is arrival order, so the bounds
 * never take in another item's records.
 *
 * <p>Chunks of one key are numbered 0, 1, 2 ... in arrival order; a key whose records arrived on several days has
 * at least one chunk per day. Items run in parallel, so <b>a worker must not send chunk {@code c > 0} before chunk
 * {@code c - 1} of the same key is DONE</b> (its checkpoint says so), and must not send it at all once that chunk
 * ended FAILED or BLOCKED: that is what keeps order per key across items.
 */
@JsonPropertyOrder({"runId", "consumer", "partitionKey", "chunk", "prefix", "firstKey", "lastKey", "count", "bytes"})
public record PlanItem(
        String runId,
        String consumer,
        String partitionKey,
        int chunk,
        String prefix,
        String firstKey,
        String lastKey,
        long count,
        long bytes) {

    public PlanItem {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(firstKey, "firstKey");
        Objects.requireNonNull(lastKey, "lastKey");
        if (chunk < 0 || count < 1 || bytes < 0) {
            throw new IllegalArgumentException("plan item needs chunk >= 0, count >= 1, bytes >= 0: chunk " + chunk
                    + ", count " + count + ", bytes " + bytes);
        }
        if (!firstKey.startsWith(prefix) || !lastKey.startsWith(prefix) || firstKey.compareTo(lastKey) > 0) {
            throw new IllegalArgumentException("plan item bounds must lie under its prefix, first <= last: " + prefix
                    + " [" + firstKey + ", " + lastKey + "]");
        }
    }

    /** Whether an S3 key of this item's prefix lies within its bounds. */
    public boolean covers(String s3Key) {
        return s3Key.startsWith(prefix) && s3Key.compareTo(firstKey) >= 0 && s3Key.compareTo(lastKey) <= 0;
    }
}
