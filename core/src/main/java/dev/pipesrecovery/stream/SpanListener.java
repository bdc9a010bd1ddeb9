package dev.pipesrecovery.stream;

/**
 * Receives the ranges of a span (DLQ messages of one shard read together, see {@link StreamRangeReader#readSpan}) one
 * by one, as soon as the reader has judged each: its records can be archived and released while the reader goes on.
 */
public interface SpanListener {

    /** Called once per judged range, on the reading thread, in the order the reader judged them. */
    void judged(RangeRead read);

    /**
     * Asked before every call to the stream: {@code false} stops the read (e.g. the invocation nears its deadline); the
     * ranges not judged by then were not read to their end and must be read again later.
     */
    default boolean mayContinue() {
        return true;
    }
}
