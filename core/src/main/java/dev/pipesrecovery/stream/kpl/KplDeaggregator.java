package dev.pipesrecovery.stream.kpl;

import dev.pipesrecovery.stream.StreamRecord;
import java.util.List;

/**
 * Opens KPL aggregated records (magic {@code F3 89 9A C2}, protobuf {@code AggregatedRecord}, 16-byte MD5 trailer;
 * awslabs/amazon-kinesis-producer aggregation-format.md). A record without the magic, or whose MD5 does not match,
 * or whose protobuf does not parse, is a plain record and comes back unchanged.
 */
public final class KplDeaggregator {

    private KplDeaggregator() {
    }

    /** One plain record → itself; an aggregate → its user records with sub-sequence numbers 0..n-1. */
    public static List<StreamRecord> deaggregate(StreamRecord record) {
        throw new UnsupportedOperationException("TODO core");
    }
}
