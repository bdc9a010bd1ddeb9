package dev.pipesrecovery.replay.kinesis;

import dev.pipesrecovery.replay.DeliveryResult;
import dev.pipesrecovery.replay.ReplayItem;
import dev.pipesrecovery.replay.ReplayTarget;
import dev.pipesrecovery.replay.SdkErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writes records back into a stream with PutRecords, each with its original partition key and exact bytes: at most
 * 500 records and 5 MiB (data + partition keys) per request. {@code FailedRecordCount} is never assumed zero: each
 * result entry is read; {@code ProvisionedThroughputExceededException} and {@code InternalFailure} are retried
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html).
 */
public final class KinesisTarget implements ReplayTarget {

    static final Set<String> RETRYABLE_CODES = Set.of("ProvisionedThroughputExceededException", "InternalFailure",
            "KMSThrottlingException");
    private static final int MAX_RECORDS = 500;
    private static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;

    private final KinesisClient client;
    private final String stream;

    /** @param stream a stream name or ARN */
    public KinesisTarget(KinesisClient client, String stream) {
        this.client = client;
        this.stream = stream;
    }

    @Override
    public String describe() {
        return "kinesis stream " + stream;
    }

    @Override
    public int maxBatchEntries() {
        return MAX_RECORDS;
    }

    @Override
    public long maxBatchBytes() {
        return MAX_REQUEST_BYTES;
    }

    @Override
    public long sizeOf(ReplayItem item) {
        return item.record().data().length + item.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public List<DeliveryResult> send(List<ReplayItem> batch, String runId) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (ReplayItem item : batch) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey(item.partitionKey())
                    .data(SdkBytes.fromByteArrayUnsafe(item.record().data())).build());
        }
        PutRecordsRequest.Builder request = PutRecordsRequest.builder().records(entries);
        if (stream.startsWith("arn:")) {
            request.streamARN(stream);
        } else {
            request.streamName(stream);
        }
        PutRecordsResponse response;
        try {
            response = client.putRecords(request.build());
        } catch (SdkException e) {
            return Collections.nCopies(batch.size(), SdkErrors.classify(e));
        }
        List<DeliveryResult> results = new ArrayList<>();
        List<PutRecordsResultEntry> resultEntries = response.records();
        for (int i = 0; i < batch.size(); i++) {
            PutRecordsResultEntry entry = i < resultEntries.size() ? resultEntries.get(i) : null;
            if (entry == null) {
                results.add(DeliveryResult.retryable("MissingResultEntry", "PutRecords returned no entry", null));
            } else if (entry.errorCode() == null && entry.sequenceNumber() != null) {
                results.add(DeliveryResult.delivered());
            } else if (entry.errorCode() != null && RETRYABLE_CODES.contains(entry.errorCode())) {
                results.add(DeliveryResult.retryable(entry.errorCode(), entry.errorMessage(), null));
            } else {
                results.add(DeliveryResult.failed(entry.errorCode() == null ? "NoSequenceNumber" : entry.errorCode(),
                        entry.errorMessage()));
            }
        }
        return results;
    }
}
