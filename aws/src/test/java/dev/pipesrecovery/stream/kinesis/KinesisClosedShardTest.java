package dev.pipesrecovery.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.aws.FakeTime;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.KinesisLocal;
import dev.pipesrecovery.testkit.LocalAws;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** A DLQ range on a parent shard that a split closed: still readable, and the closed end stops the read. */
class KinesisClosedShardTest {

    static KinesisClient kinesis;
    static KinesisFixture stream;

    @BeforeAll
    static void splitAfterFiveRecords() {
        kinesis = LocalAws.kinesis(Emulators.kinesalite());
        stream = new KinesisFixture(kinesis).put(5);
        Shard parent = kinesis.listShards(b -> b.streamName(stream.streamName))
                .shards()
                .get(0);
        BigInteger middle = new BigInteger(parent.hashKeyRange().endingHashKey()).shiftRight(1);
        kinesis.splitShard(b ->
                b.streamName(stream.streamName).shardToSplit(parent.shardId()).newStartingHashKey(middle.toString()));
        KinesisLocal.awaitActive(kinesis, stream.streamName);
        assertThat(kinesis.listShards(b -> b.streamName(stream.streamName)).shards())
                .as("the split left the parent closed and two children")
                .hasSize(3)
                .filteredOn(s -> s.shardId().equals(stream.shardId))
                .allMatch(s -> s.sequenceNumberRange().endingSequenceNumber() != null);
    }

    @AfterAll
    static void closeClient() {
        kinesis.close();
    }

    KinesisRangeReader reader() {
        FakeTime time = new FakeTime();
        return new KinesisRangeReader(kinesis, KinesisReaderSettings.defaults(), time::nanoTime, time, () -> 0.5);
    }

    @Test
    void aRangeOnAClosedParentShardIsReadWhole() throws Exception {
        RangeRead read =
                reader().read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(1), stream.seq(4), 4));

        assertThat(read.status()).isEqualTo(RangeStatus.COMPLETE);
        assertThat(read.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactlyElementsOf(stream.sequenceNumbers.subList(1, 5));
    }

    @Test
    void theEndOfAClosedShardStopsAShortRange() throws Exception {
        SequenceNumber beyond = SequenceNumber.of(
                stream.seq(4).numeric().add(BigInteger.TEN.pow(30)).toString());

        RangeRead read = reader().read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(2), beyond, 6));

        assertThat(read.status()).isEqualTo(RangeStatus.PARTIAL);
        assertThat(read.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactlyElementsOf(stream.sequenceNumbers.subList(2, 5));
        assertThat(read.lossReason()).contains("read 3 of 6").contains("closed shard");
    }
}
