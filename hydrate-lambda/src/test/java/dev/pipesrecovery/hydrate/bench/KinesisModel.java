package dev.pipesrecovery.hydrate.bench;

import dev.pipesrecovery.stream.kinesis.KinesisCallCounts;
import java.util.Map;

/**
 * The time the Kinesis part of a hydration would take on AWS, from the calls the reader made: per shard, Kinesis
 * serves 5 calls/s and 2 MiB/s (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html), so a
 * shard needs at least {@code max(calls / 5, bytes / 2 MiB)} seconds, whichever limit binds; shards are read in
 * parallel, so the backlog takes the slowest shard's time. A lower bound: the pipe shares the same limits.
 */
final class KinesisModel {

    static final double CALLS_PER_SECOND = 5;
    static final double BYTES_PER_SECOND = 2 * 1024 * 1024;

    private KinesisModel() {}

    static double seconds(Map<String, KinesisCallCounts.Count> perShard) {
        return perShard.values().stream()
                .mapToDouble(c -> Math.max(c.calls() / CALLS_PER_SECOND, c.bytes() / BYTES_PER_SECOND))
                .max()
                .orElse(0);
    }

    /** The same for one GetShardIterator and one GetRecords per message (the reader before span reads). */
    static double onePerMessageSeconds(long messagesOnBusiestShard, long bytesOnBusiestShard) {
        return Math.max(2 * messagesOnBusiestShard / CALLS_PER_SECOND, bytesOnBusiestShard / BYTES_PER_SECOND);
    }
}
