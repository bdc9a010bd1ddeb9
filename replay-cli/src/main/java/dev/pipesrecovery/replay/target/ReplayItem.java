package dev.pipesrecovery.replay.target;

import dev.pipesrecovery.archive.ArchivedRecord;
import java.util.Map;
import java.util.Objects;

/**
 * One archived record on its way to a target: its archive key, its envelope, the tags read while selecting (null
 * when not read) and its ordering key (records with the same one are delivered in order).
 */
public record ReplayItem(String s3Key, ArchivedRecord record, Map<String, String> tags, String orderingKey) {

    public ReplayItem {
        Objects.requireNonNull(s3Key, "s3Key");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(orderingKey, "orderingKey");
    }

    /** See {@link IdempotencyKeys}. */
    public String idempotencyKey() {
        return IdempotencyKeys.of(record);
    }

    public String partitionKey() {
        return record.partitionKey();
    }

    @Override
    public String toString() {
        return "ReplayItem[" + s3Key + "]"; // never the payload
    }
}
