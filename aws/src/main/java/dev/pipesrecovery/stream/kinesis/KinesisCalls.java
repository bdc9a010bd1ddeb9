package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.aws.SdkRetries;
import dev.pipesrecovery.retry.Retrier;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamReadException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

/**
 * The three Kinesis calls the reader makes, each rate-limited per shard, retried on transient errors with the
 * domain backoff (SDK retries off for them), and mapped to the reader's outcomes. Calls pass {@code StreamARN}
 * (supported by GetShardIterator, GetRecords and DescribeStreamSummary), so the ARN in the DLQ message is used as is.
 */
final class KinesisCalls {

    private final KinesisClient kinesis;
    private final ShardRateLimiter limiter;
    private final Retrier retry;

    KinesisCalls(KinesisClient kinesis, ShardRateLimiter limiter, Retrier retry) {
        this.kinesis = kinesis;
        this.limiter = limiter;
        this.retry = retry;
    }

    /** Never TRIM_HORIZON or LATEST: only positions the DLQ message or the records read so far name. */
    String shardIterator(ShardRange range, ShardIteratorType type, SequenceNumber position)
            throws StreamReadException, UnreadablePositionException {
        if (type != ShardIteratorType.AT_SEQUENCE_NUMBER && type != ShardIteratorType.AFTER_SEQUENCE_NUMBER) {
            throw new IllegalArgumentException("only sequence-number iterators are allowed, not " + type);
        }
        try {
            return call(range, "GetShardIterator", () -> kinesis.getShardIterator(b -> b
                    .streamARN(range.streamArn()).shardId(range.shardId()).shardIteratorType(type)
                    .startingSequenceNumber(position.value()).overrideConfiguration(SdkRetries.none())).shardIterator());
        } catch (StreamReadException e) {
            if (e.getCause() instanceof RuntimeException cause && KinesisErrors.isAboutPosition(cause)) {
                describe(range.streamArn()); // throws when the stream itself is missing: not a loss, maybe a wrong ARN
                throw new UnreadablePositionException("GetShardIterator " + type + " " + position + " on "
                        + range.shardId() + " refused while the stream exists (" + KinesisErrors.describe(cause)
                        + "): the sequence number is past the trim horizon or the shard has expired", cause);
            }
            throw e;
        }
    }

    /** @throws ExpiredIteratorException for the caller to renew the iterator (not retried here) */
    GetRecordsResponse getRecords(ShardRange range, String iterator, int limit) throws StreamReadException {
        return call(range, "GetRecords", () -> kinesis.getRecords(b -> b.streamARN(range.streamArn())
                .shardIterator(iterator).limit(limit).overrideConfiguration(SdkRetries.none())));
    }

    StreamDescriptionSummary describe(String streamArn) throws StreamReadException {
        try {
            return retry.call(() -> kinesis.describeStreamSummary(b -> b.streamARN(streamArn)
                    .overrideConfiguration(SdkRetries.none())).streamDescriptionSummary(), KinesisCalls::isTransient);
        } catch (ResourceNotFoundException e) {
            throw new StreamReadException("stream " + streamArn + " not found (" + KinesisErrors.describe(e)
                    + "): check the stream ARN, the region and the reader's permissions", e);
        } catch (RuntimeException e) {
            throw failed("DescribeStreamSummary " + streamArn, e);
        }
    }

    private <T> T call(ShardRange range, String operation, Supplier<T> call) throws StreamReadException {
        String shardKey = range.streamArn() + "/" + range.shardId();
        try {
            return retry.call(() -> {
                limiter.acquire(shardKey);
                return call.get();
            }, KinesisCalls::isTransient);
        } catch (ExpiredIteratorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(operation + " on " + shardKey, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamReadException("interrupted waiting for the shard rate limit of " + shardKey, e);
        }
    }

    private static boolean isTransient(Exception e) {
        return e instanceof RuntimeException failure && KinesisErrors.isTransient(failure)
                && !Thread.currentThread().isInterrupted();
    }

    private StreamReadException failed(String what, RuntimeException e) {
        String why = Thread.currentThread().isInterrupted() ? " interrupted" : KinesisErrors.isTransient(e)
                ? " still failing after " + retry.policy().maxAttempts() + " attempts" : " failed";
        return new StreamReadException(what + why + ": " + KinesisErrors.describe(e), e);
    }
}
