package dev.pipesrecovery.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Port: re-reads the records DLQ messages point at. Implementations never read from another position (TRIM_HORIZON,
 * LATEST) to make up for records that are gone: those are reported in the {@link RangeRead}.
 */
public interface StreamRangeReader {

    /**
     * Reads the ranges of one shard together (a span): positioned once at the first start and read onwards through
     * consecutive ranges, re-positioned where a gap is not worth reading, rather than one iterator per range. Ranges
     * may overlap or interleave; a record belongs to every range whose {@code [start, end]} holds it. Each range is
     * handed to {@code listener} once, as soon as it is judged; a range not handed over when this returns (the
     * listener stopped the read) or throws was not read to its end.
     *
     * @param ranges ranges of one stream and shard, in any order
     * @throws StreamReadException when the read failed for a reason that may pass (throttling beyond the retry budget,
     *                             a missing stream that may be a wrong ARN or permission, a network error): the ranges
     *                             not yet handed over are retried later, those handed over stand
     */
    void readSpan(List<ShardRange> ranges, SpanListener listener) throws StreamReadException;

    /** One range on its own: {@link #readSpan} with a span of one. */
    default RangeRead read(ShardRange range) throws StreamReadException {
        List<RangeRead> judged = new ArrayList<>(1);
        readSpan(List.of(range), judged::add);
        return judged.get(0);
    }

    /** The stream's retention period in hours ({@code DescribeStreamSummary}); implementations may cache it. */
    int retentionHours(String streamArn) throws StreamReadException;
}
