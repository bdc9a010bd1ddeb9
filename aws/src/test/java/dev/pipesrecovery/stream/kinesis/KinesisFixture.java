package dev.pipesrecovery.stream.kinesis;

import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.testkit.KinesisLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** A fresh stream on kinesalite and the records put into its first shard, in shard order. */
final class KinesisFixture {

    final String streamName;
    final String streamArn;
    final String shardId;
    final List<SequenceNumber> sequenceNumbers = new ArrayList<>();
    private final KinesisClient kinesis;

    KinesisFixture(KinesisClient kinesis) {
        this(kinesis, 1);
    }

    KinesisFixture(KinesisClient kinesis, int shards) {
        this.kinesis = kinesis;
        this.streamName = "range-" + UUID.randomUUID().toString().substring(0, 8);
        this.streamArn = KinesisLocal.createStream(kinesis, streamName, shards);
        this.shardId = kinesis.listShards(b -> b.streamName(streamName))
                .shards()
                .get(0)
                .shardId();
    }

    /** Puts {@code count} records on the last shard of a multi-shard stream (not recorded here). */
    KinesisFixture putOnOtherShard(int count) {
        for (int i = 0; i < count; i++) {
            kinesis.putRecord(b -> b.streamName(streamName)
                    .partitionKey("other")
                    .explicitHashKey("340282366920938463463374607431768211455")
                    .data(SdkBytes.fromUtf8String("{}")));
        }
        return this;
    }

    /** Puts {@code count} records {@code {"n":<i>}} on the first shard, partition keys {@code pk-<i % 7>}, 500 per call. */
    KinesisFixture put(int count) {
        return put(count, 0);
    }

    /** As {@link #put(int)}, each record padded with {@code padding} spaces (bodies stay distinct and JSON). */
    KinesisFixture put(int count, int padding) {
        String pad = " ".repeat(padding);
        int first = sequenceNumbers.size();
        for (int from = 0; from < count; from += 500) {
            List<PutRecordsRequestEntry> entries = IntStream.range(from, Math.min(count, from + 500))
                    .mapToObj(i -> PutRecordsRequestEntry.builder()
                            .partitionKey("pk-" + ((first + i) % 7))
                            .explicitHashKey("0")
                            .data(SdkBytes.fromUtf8String(body(first + i) + pad))
                            .build())
                    .toList();
            for (PutRecordsResultEntry result : kinesis.putRecords(
                            b -> b.streamName(streamName).records(entries))
                    .records()) {
                if (result.errorCode() != null) {
                    throw new IllegalStateException("put failed: " + result.errorCode());
                }
                sequenceNumbers.add(SequenceNumber.of(result.sequenceNumber()));
            }
        }
        return this;
    }

    SequenceNumber seq(int index) {
        return sequenceNumbers.get(index);
    }

    static String body(int index) {
        return "{\"n\":" + index + "}";
    }
}
