package dev.pipesrecovery.dlq;

import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import java.time.Instant;
import java.util.Objects;

/** The {@code KinesisBatchInfo} object of a DLQ message: where the failed records are. */
public record KinesisBatchInfo(
        String streamArn,
        String shardId,
        SequenceNumber startSequenceNumber,
        SequenceNumber endSequenceNumber,
        Instant approximateArrivalOfFirstRecord,
        Instant approximateArrivalOfLastRecord,
        int batchSize) {

    public KinesisBatchInfo {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(shardId, "shardId");
        Objects.requireNonNull(startSequenceNumber, "startSequenceNumber");
        Objects.requireNonNull(endSequenceNumber, "endSequenceNumber");
        Objects.requireNonNull(approximateArrivalOfFirstRecord, "approximateArrivalOfFirstRecord");
        Objects.requireNonNull(approximateArrivalOfLastRecord, "approximateArrivalOfLastRecord");
    }

    public ShardRange range() {
        return new ShardRange(streamArn, shardId, startSequenceNumber, endSequenceNumber, batchSize);
    }
}
