package dev.pipesrecovery.replay.target.kinesis;

import dev.pipesrecovery.aws.AwsFailure;
import dev.pipesrecovery.replay.target.AwsDeliveryResults;
import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import dev.pipesrecovery.replay.target.ReplayTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Writes records back into a stream with PutRecords, each with its original partition key and exact bytes: at most
 * 500 records and 5 MiB (data + partition keys) per request. {@code FailedRecordCount} is never assumed zero: each
 * result entry is read; {@code ProvisionedThroughputExceededException} and {@code InternalFailure} are retried
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html; judged by {@link AwsDeliveryResults}).
 *
 * <p>A record larger than the stream accepts (data + partition key over its {@code MaxRecordSizeInKiB}, 1 MiB unless
 * raised, up to 10 MiB: https://docs.aws.amazon.com/streams/latest/dev/large-records.html) fails on its own as
 * {@code RecordTooLarge} and is left out of the request: Kinesis would reject the whole request, and with it the
 * other records. The stream carries no field for the record's identity, so nothing but the original bytes is sent:
 * a record re-sent after a crash is a duplicate its consumers can only tell by content (README "Guarantees").
 */
public final class KinesisTarget implements ReplayTarget {

    private static final int MAX_RECORDS = 500;
    private static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;
    /** A stream's maximum record size unless raised (data + partition key). */
    public static final long DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    private final KinesisClient client;
    private final String stream;
    private final long maxRecordBytes;

    /**
     * @param stream         a stream name or ARN
     * @param maxRecordBytes the largest record (data + partition key) the stream accepts
     */
    public KinesisTarget(KinesisClient client, String stream, long maxRecordBytes) {
        this.client = client;
        this.stream = stream;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * The target for {@code stream} with the record size limit the stream reports ({@code DescribeStreamSummary});
     * without permission to ask, the default 1 MiB.
     *
     * @throws IllegalArgumentException when the stream does not exist
     */
    public static KinesisTarget open(KinesisClient client, String stream) {
        long maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        try {
            Integer kib = client.describeStreamSummary(b -> {
                        if (stream.startsWith("arn:")) {
                            b.streamARN(stream);
                        } else {
                            b.streamName(stream);
                        }
                    })
                    .streamDescriptionSummary()
                    .maxRecordSizeInKiB();
            if (kib != null) {
                maxRecordBytes = kib * 1024L;
            }
        } catch (ResourceNotFoundException e) {
            throw new IllegalArgumentException(
                    "stream " + stream + " does not exist (check --stream, --region and " + "--endpoint-url)", e);
        } catch (AwsServiceException e) {
            if (AwsFailure.of(e).orElseThrow().kind() != AwsFailure.Kind.ACCESS_DENIED) {
                throw e;
            }
        }
        return new KinesisTarget(client, stream, maxRecordBytes);
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
        DeliveryResult[] results = new DeliveryResult[batch.size()];
        List<Integer> sent = new ArrayList<>();
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ReplayItem item = batch.get(i);
            if (sizeOf(item) > maxRecordBytes) {
                results[i] = DeliveryResult.failed(
                        "RecordTooLarge",
                        "data + partition key are " + sizeOf(item) + " bytes; the stream accepts at most "
                                + maxRecordBytes + " (its MaxRecordSizeInKiB)");
                continue;
            }
            sent.add(i);
            entries.add(PutRecordsRequestEntry.builder()
                    .partitionKey(item.partitionKey())
                    .data(SdkBytes.fromByteArrayUnsafe(item.record().data()))
                    .build());
        }
        if (!entries.isEmpty()) {
            List<DeliveryResult> answered = put(entries);
            for (int j = 0; j < sent.size(); j++) {
                results[sent.get(j)] = answered.get(j);
            }
        }
        return List.of(results);
    }

    /** One PutRecords request; one result per entry. */
    private List<DeliveryResult> put(List<PutRecordsRequestEntry> entries) {
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
            return Collections.nCopies(entries.size(), AwsDeliveryResults.ofFailedCall(e));
        }
        return AwsDeliveryResults.ofEntries(
                entries.size(),
                response.records().stream()
                        .map(e -> new AwsDeliveryResults.Answered(
                                e.sequenceNumber() != null, e.errorCode(), e.errorMessage()))
                        .toList(),
                "PutRecords",
                "NoSequenceNumber");
    }
}
