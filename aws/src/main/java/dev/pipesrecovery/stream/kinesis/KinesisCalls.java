package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.aws.AwsFailure;
import dev.pipesrecovery.aws.SdkRetries;
import dev.pipesrecovery.retry.Retrier;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.StreamReadException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

/**
 * The three Kinesis calls the reader makes, each rate-limited per shard, retried on transient errors with the
 * domain backoff (SDK retries off for them), counted, and mapped to the reader's outcomes. Calls name the stream by
 * {@code StreamARN} (the ARN in the DLQ message, as is) and by {@code StreamName} too, which the API allows ("either
 * the StreamARN or the StreamName parameter, or both",
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html) and older emulators need.
 */
final class KinesisCalls {

    /** One shard of one stream, as the calls address it. */
    record Shard(String streamArn, String streamName, String shardId) {

        String key() {
            return streamArn + "/" + shardId;
        }
    }

    private final KinesisClient kinesis;
    private final ShardRateLimiter limiter;
    private final Retrier retry;
    private final KinesisCallCounts counts;

    KinesisCalls(KinesisClient kinesis, ShardRateLimiter limiter, Retrier retry, KinesisCallCounts counts) {
        this.kinesis = kinesis;
        this.limiter = limiter;
        this.retry = retry;
        this.counts = counts;
    }

    /** Never TRIM_HORIZON or LATEST: only positions the DLQ message or the records read so far name. */
    String shardIterator(Shard shard, ShardIteratorType type, SequenceNumber position)
            throws StreamReadException, UnreadablePositionException {
        if (type != ShardIteratorType.AT_SEQUENCE_NUMBER && type != ShardIteratorType.AFTER_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("only sequence-number iterators are allowed, not " + type);
        }
        try {
            return call(shard, "GetShardIterator", () -> {
                counts.getShardIterator(shard.key());
                return kinesis.getShardIterator(b -> b.streamARN(shard.streamArn())
                                .streamName(shard.streamName())
                                .shardId(shard.shardId())
                                .shardIteratorType(type)
                                .startingSequenceNumber(position.value())
                                .overrideConfiguration(SdkRetries.none()))
                        .shardIterator();
            });
        } catch (StreamReadException e) {
            if (AwsFailure.of(e.getCause())
                    .filter(AwsFailure::isUnreadableKinesisPosition)
                    .isPresent()) {
                describe(shard.streamArn(), shard.streamName()); // throws when the stream itself is missing: not a loss
                throw new UnreadablePositionException(
                        "GetShardIterator " + type + " " + position + " on "
                                + shard.shardId() + " refused while the stream exists ("
                                + AwsFailure.describe(e.getCause())
                                + "): the sequence number is past the trim horizon or the shard has expired",
                        e.getCause());
            }
            throw e;
        }
    }

    /** @throws ExpiredIteratorException for the caller to renew the iterator (not retried here) */
    GetRecordsResponse getRecords(Shard shard, String iterator, int limit) throws StreamReadException {
        GetRecordsResponse page = call(shard, "GetRecords", () -> {
            counts.getRecords(shard.key());
            return kinesis.getRecords(b -> b.streamARN(shard.streamArn())
                    .shardIterator(iterator)
                    .limit(limit)
                    .overrideConfiguration(SdkRetries.none()));
        });
        long bytes = 0;
        for (Record record : page.records()) {
            bytes += record.data().asByteArrayUnsafe().length;
        }
        counts.returned(shard.key(), page.records().size(), bytes);
        return page;
    }

    StreamDescriptionSummary describe(String streamArn, String streamName) throws StreamReadException {
        try {
            return retry.call(
                    () -> kinesis.describeStreamSummary(b -> b.streamARN(streamArn)
                                    .streamName(streamName)
                                    .overrideConfiguration(SdkRetries.none()))
                            .streamDescriptionSummary(),
                    KinesisCalls::isTransient);
        } catch (ResourceNotFoundException e) {
            throw new StreamReadException(
                    "stream " + streamArn + " not found (" + AwsFailure.describe(e)
                            + "): check the stream ARN, the region and the reader's permissions",
                    e);
        } catch (RuntimeException e) {
            throw failed("DescribeStreamSummary " + streamArn, e);
        }
    }

    private <T> T call(Shard shard, String operation, Supplier<T> call) throws StreamReadException {
        try {
            return retry.call(
                    () -> {
                        limiter.acquire(shard.key());
                        return call.get();
                    },
                    KinesisCalls::isTransient);
        } catch (ExpiredIteratorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(operation + " on " + shard.key(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamReadException("interrupted waiting for the shard rate limit of " + shard.key(), e);
        }
    }

    /** Throttling (the shard's, or KMS's for an encrypted stream), 5xx, I/O: the one classifier's TRANSIENT. */
    private static boolean isTransient(Exception e) {
        return AwsFailure.isTransient(e) && !Thread.currentThread().isInterrupted();
    }

    private StreamReadException failed(String what, RuntimeException e) {
        String why = Thread.currentThread().isInterrupted()
                ? " interrupted"
                : AwsFailure.isTransient(e)
                        ? " still failing after " + retry.policy().maxAttempts() + " attempts"
                        : " failed";
        return new StreamReadException(what + why + ": " + AwsFailure.describe(e), e);
    }
}
