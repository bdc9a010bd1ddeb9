package dev.pipesrecovery.stream;

/**
 * Port: re-reads the records of a {@link ShardRange} from the stream. Implementations never read from another
 * position (TRIM_HORIZON, LATEST) to make up for records that are gone: those are reported in the {@link RangeRead}.
 */
public interface StreamRangeReader {

    /**
     * @throws StreamReadException when the read failed for a reason that may pass (throttling beyond the retry budget,
     *                             a missing stream that may be a wrong ARN or permission, a network error): the caller
     *                             retries the whole message later.
     */
    RangeRead read(ShardRange range) throws StreamReadException;

    /** The stream's retention period in hours ({@code DescribeStreamSummary}); implementations may cache it. */
    int retentionHours(String streamArn) throws StreamReadException;
}
