package dev.pipesrecovery.archive;

import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The archived-record envelope (DESIGN.md "Archived record"), the body of every archive object. {@code data} is the
 * exact record bytes (base64 in JSON) and is not copied. Timestamps are truncated to milliseconds, the precision of
 * the JSON form ({@link ArchivedRecordCodec}).
 */
public record ArchivedRecord(
        int version,
        String consumer,
        String streamArn,
        String shardId,
        SequenceNumber sequenceNumber,
        Long subSequenceNumber,
        String partitionKey,
        Instant approximateArrivalTimestamp,
        byte[] data,
        FailureInfo failure) {

    public static final int CURRENT_VERSION = 1;

    public ArchivedRecord {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(approximateArrivalTimestamp, "approximateArrivalTimestamp");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(failure, "failure");
        if (subSequenceNumber != null && subSequenceNumber < 0) {
            throw new IllegalArgumentException("subSequenceNumber must be >= 0, was " + subSequenceNumber);
        }
        // the envelope holds milliseconds (Kinesis arrival timestamps have no more), so a decoded record equals its
        // source
        approximateArrivalTimestamp = approximateArrivalTimestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Why and when the record was archived. */
    public record FailureInfo(
            String source,
            String condition,
            String dlqMessageId,
            Instant dlqTimestamp,
            BatchRef batch,
            Instant hydratedAt) {

        public FailureInfo {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(dlqMessageId, "dlqMessageId");
            Objects.requireNonNull(dlqTimestamp, "dlqTimestamp");
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(hydratedAt, "hydratedAt");
            dlqTimestamp = dlqTimestamp.truncatedTo(ChronoUnit.MILLIS);
            hydratedAt = hydratedAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /**
     * The DLQ message's range.
     *
     * @param recordsInRange how many records of the shard the range held when hydrated (null in records archived
     *                       before the field existed). More than {@code batchSize} means the batch was not contiguous
     *                       (ParallelizationFactor > 1, filters): the pipe may have delivered some of those records.
     */
    public record BatchRef(
            SequenceNumber startSequenceNumber,
            SequenceNumber endSequenceNumber,
            int batchSize,
            Integer recordsInRange) {

        public BatchRef {
            Objects.requireNonNull(startSequenceNumber, "startSequenceNumber");
            Objects.requireNonNull(endSequenceNumber, "endSequenceNumber");
            if (recordsInRange != null && recordsInRange < 0) {
                throw new IllegalArgumentException("recordsInRange must be >= 0, was " + recordsInRange);
            }
        }

        /** A range whose record count is unknown (an envelope written before {@code recordsInRange} existed). */
        public BatchRef(SequenceNumber startSequenceNumber, SequenceNumber endSequenceNumber, int batchSize) {
            this(startSequenceNumber, endSequenceNumber, batchSize, null);
        }

        /** True when the range held more records than the batch: some of them may have been delivered. */
        public boolean widerThanBatch() {
            return recordsInRange != null && recordsInRange > batchSize;
        }
    }

    @Override
    public String toString() {
        return "ArchivedRecord[" + consumer + " " + shardId + "/" + sequenceNumber
                + (subSequenceNumber == null ? "" : "/" + subSequenceNumber) + ", " + data.length + " bytes]";
    }
}
