package dev.pipesrecovery.replay.target;

import java.util.List;

/**
 * Where a replay sends records. Implementations send one request per call and never throw for a failure of the
 * request or of an item: every item gets a {@link DeliveryResult}. Retries, rate and ordering belong to the engine.
 */
public interface ReplayTarget extends AutoCloseable {

    /** For the plan and the report, e.g. {@code http POST https://api.example.com/orders}; never a secret. */
    String describe();

    /** How many items one request may carry (1 for HTTP, 10 for PutEvents, 500 for PutRecords). */
    int maxBatchEntries();

    /** The request size limit the batch must fit in, by {@link #sizeOf}. */
    long maxBatchBytes();

    /** The size an item counts for against {@link #maxBatchBytes()}. */
    long sizeOf(ReplayItem item);

    /**
     * Sends {@code batch} (at most {@link #maxBatchEntries()}, distinct partition keys) in one request.
     *
     * @return one result per item, in the same order
     */
    List<DeliveryResult> send(List<ReplayItem> batch, String runId);

    @Override
    default void close() {}
}
