package dev.pipesrecovery.stream.kinesis;

/**
 * How far a span read reads ahead: the {@code GetRecords} {@code Limit} of the next call, and whether to re-position
 * (a new {@code GetShardIterator} at the next range's start) rather than read through the gap before it.
 *
 * <p>Kinesis bounds a shard at 5 calls and 2 MiB per second
 * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html), so a re-position costs two calls
 * (~0.4 s of the shard's call budget) and reading through a gap costs its bytes. The read estimates the gap to the next
 * range from what it has seen — records read per record kept so far, and the records read since the last kept one —
 * and reads through while that gap is under {@link #GAP_WORTH_READING_BYTES}:
 * <ul>
 *   <li>dense backlogs (every record dead-lettered): one iterator, pages of the records still expected, up to 10,000;
 *   <li>sparse ones (1 in 100): ~100 records read per record kept, so full pages of 10,000 each hold ~100 ranges;
 *   <li>isolated messages: after a page or two that find nothing, every range gets its own iterator and a page of
 *       its batch size — the two calls a message has always cost.
 * </ul>
 * A page that keeps nothing and does not reach the next range ends the read-through at once.
 */
final class ReadAhead {

    /** Reading a gap of up to ~1 MiB (0.5 s of a shard's 2 MiB/s) is cheaper than two calls (0.4 s at 5/s) plus risk. */
    static final long GAP_WORTH_READING_BYTES = 1024 * 1024;
    /** While reading through, a page is never smaller than this, so that holes do not shrink pages call after call. */
    static final long MIN_PAGE_BYTES = 256 * 1024;

    private final int maxRecordsPerCall;

    ReadAhead(int maxRecordsPerCall) {
        this.maxRecordsPerCall = maxRecordsPerCall;
    }

    /**
     * {@code Limit} for the next {@code GetRecords} of {@code span}: what the ranges already reached still need, plus,
     * while gaps are worth reading, the next ranges' batches spread as far as the records seen so far were — and then
     * never less than {@link #MIN_PAGE_BYTES}, so that holes in a backlog (messages of other invocations) do not shrink
     * the pages call after call.
     */
    int limit(SpanCollector span) {
        long need = span.hasActive() ? span.activeNeed() : span.openExpected(true);
        long records = need;
        if (gapWorthReading(span)) {
            long openAfterNext = span.openExpected(false) - (span.hasActive() ? 0 : span.openExpected(true));
            records += openAfterNext * recordsReadPerKept(span);
            if (span.seen().records() > 0) {
                records = Math.max(records, MIN_PAGE_BYTES / recordBytes(span));
            }
        }
        return (int) Math.max(1, Math.min(maxRecordsPerCall, records));
    }

    /**
     * Between ranges (none half-read): re-position when the last page kept nothing, or when the gap to the next range
     * is not worth reading.
     */
    boolean reposition(SpanCollector span, boolean lastPageKeptNothing) {
        return !span.hasActive() && (lastPageKeptNothing || !gapWorthReading(span));
    }

    private boolean gapWorthReading(SpanCollector span) {
        long gapRecords = Math.max(recordsReadPerKept(span), span.seen().sinceKept());
        return gapRecords * recordBytes(span) <= GAP_WORTH_READING_BYTES;
    }

    private static long recordBytes(SpanCollector span) {
        SpanCollector.Seen seen = span.seen();
        return seen.records() == 0 ? 1 : Math.max(1, seen.bytes() / seen.records());
    }

    private static long recordsReadPerKept(SpanCollector span) {
        SpanCollector.Seen seen = span.seen();
        return Math.max(1, Math.round((double) seen.records() / Math.max(1, seen.kept())));
    }
}
