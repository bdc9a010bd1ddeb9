package dev.pipesrecovery.stream.kinesis;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link KinesisRangeReader} asked of Kinesis, per shard: calls (each attempt, throttled or not), and the
 * records and bytes {@code GetRecords} returned. Deterministic for a given stream and set of DLQ messages, so tests
 * and benchmarks count calls per archived record instead of timing them. Thread-safe.
 */
public final class KinesisCallCounts {

    /** One shard's counts, or all shards' summed. */
    public record Count(long getShardIterator, long getRecords, long records, long bytes) {

        public long calls() {
            return getShardIterator + getRecords;
        }

        Count plus(Count other) {
            return new Count(
                    getShardIterator + other.getShardIterator,
                    getRecords + other.getRecords,
                    records + other.records,
                    bytes + other.bytes);
        }
    }

    private static final class Adders {
        final LongAdder getShardIterator = new LongAdder();
        final LongAdder getRecords = new LongAdder();
        final LongAdder records = new LongAdder();
        final LongAdder bytes = new LongAdder();
    }

    private final Map<String, Adders> byShard = new ConcurrentHashMap<>();

    void getShardIterator(String shardKey) {
        adders(shardKey).getShardIterator.increment();
    }

    void getRecords(String shardKey) {
        adders(shardKey).getRecords.increment();
    }

    void returned(String shardKey, long records, long bytes) {
        Adders adders = adders(shardKey);
        adders.records.add(records);
        adders.bytes.add(bytes);
    }

    /** Per shard ({@code <stream ARN>/<shard id>}), in key order. */
    public Map<String, Count> perShard() {
        Map<String, Count> counts = new TreeMap<>();
        byShard.forEach((shard, a) -> counts.put(
                shard, new Count(a.getShardIterator.sum(), a.getRecords.sum(), a.records.sum(), a.bytes.sum())));
        return counts;
    }

    public Count total() {
        return perShard().values().stream().reduce(new Count(0, 0, 0, 0), Count::plus);
    }

    private Adders adders(String shardKey) {
        return byShard.computeIfAbsent(shardKey, k -> new Adders());
    }
}
