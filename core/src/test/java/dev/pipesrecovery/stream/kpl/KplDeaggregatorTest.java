package dev.pipesrecovery.stream.kpl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.stream.SequenceNumber;
import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.testkit.kpl.KplAggregator;
import dev.pipesrecovery.testkit.kpl.ProtobufWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KplDeaggregatorTest {

    private static final SequenceNumber SEQ =
            SequenceNumber.of("49658201843260916374628107893418732611003817291052040226");
    private static final Instant ARRIVAL = Instant.parse("2026-11-21T22:15:03.123Z");

    static StreamRecord parent(byte[] data) {
        return StreamRecord.plain("shardId-000000000002", SEQ, "outer-key", ARRIVAL, data);
    }

    static ProtobufWriter threeUserRecords() {
        return new ProtobufWriter()
                .string(1, "customer/1")
                .string(1, "customer/2")
                .string(1, "😀")
                .string(2, "12345")
                .message(3, record(0, "first"))
                .message(3, record(2, "second").varint(2, 0))
                .message(3, record(1, "third"));
    }

    @Test
    void opensAnAggregateIntoItsUserRecords() throws Exception {
        List<StreamRecord> users = KplDeaggregator.deaggregate(parent(framed(threeUserRecords())));
        assertThat(users).extracting(StreamRecord::partitionKey).containsExactly("customer/1", "😀", "customer/2");
        assertThat(users).extracting(StreamRecord::subSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(users)
                .extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                .containsExactly("first", "second", "third");
        assertThat(users).allSatisfy(r -> {
            assertThat(r.shardId()).isEqualTo("shardId-000000000002");
            assertThat(r.sequenceNumber()).isEqualTo(SEQ);
            assertThat(r.approximateArrivalTimestamp()).isEqualTo(ARRIVAL);
        });
    }

    @Test
    void skipsUnknownFieldsOfEveryWireType() throws Exception {
        ProtobufWriter aggregate = new ProtobufWriter()
                .varint(15, 300)
                .string(1, "k")
                .fixed32(16)
                .fixed64(17)
                .message(
                        3,
                        record(0, "data")
                                .message(4, new ProtobufWriter().string(1, "tag"))
                                .fixed64(9))
                .bytes(18, new byte[] {1, 2});
        List<StreamRecord> users = KplDeaggregator.deaggregate(parent(framed(aggregate)));
        assertThat(users).singleElement().satisfies(r -> {
            assertThat(r.partitionKey()).isEqualTo("k");
            assertThat(r.data()).isEqualTo("data".getBytes(StandardCharsets.UTF_8));
            assertThat(r.subSequenceNumber()).isZero();
        });
    }

    @Test
    void keepsEmptyUserData() throws Exception {
        byte[] aggregate = framed(new ProtobufWriter()
                .string(1, "k")
                .message(3, new ProtobufWriter().varint(1, 0).bytes(3, new byte[0])));
        assertThat(KplDeaggregator.deaggregate(parent(aggregate)))
                .singleElement()
                .satisfies(r -> assertThat(r.data()).isEmpty());
    }

    @Test
    void returnsAPlainRecordUnchanged() {
        StreamRecord plain = parent("{\"order\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(KplDeaggregator.deaggregate(plain)).containsExactly(plain);
        StreamRecord empty = parent(new byte[0]);
        assertThat(KplDeaggregator.deaggregate(empty)).containsExactly(empty);
    }

    @Test
    void treatsACorruptedMd5AsPlain() throws Exception {
        byte[] data = framed(threeUserRecords());
        data[data.length - 1] ^= 1;
        assertPlain(data);
    }

    @Test
    void treatsATruncatedAggregateAsPlain() throws Exception {
        byte[] data = framed(threeUserRecords());
        assertPlain(Arrays.copyOf(data, data.length - 1));
        assertPlain(Arrays.copyOf(data, 10));
    }

    @Test
    void treatsTheMagicAloneAsPlain() {
        assertPlain(KplAggregator.MAGIC.clone());
    }

    @Test
    void treatsAMatchingMd5OverUnparseableProtobufAsPlain() throws Exception {
        assertPlain(framed(new ProtobufWriter().string(1, "k").message(3, record(1, "index out of range"))));
        assertPlain(
                framed(new ProtobufWriter().string(1, "k").message(3, new ProtobufWriter().varint(1, 0)))); // no data
        assertPlain(framed(new ProtobufWriter()
                .string(1, "k")
                .message(3, new ProtobufWriter().string(3, "x")))); // no partition key index
        assertPlain(framed(new ProtobufWriter().string(1, "k").wireType(7, 3))); // group wire type
        assertPlain(framed(new ProtobufWriter()
                .bytes(1, new byte[] {(byte) 0xC3, 0x28})
                .message(3, record(0, "x")))); // partition key not UTF-8
        assertPlain(framed(new ProtobufWriter().string(1, "k"))); // no user records: keep the bytes
        byte[] lengthPastEnd = {0x1A, 0x7F, 0x08};
        assertPlain(KplAggregator.frame(lengthPastEnd));
    }

    /** A user record: its partition key index and data. */
    static ProtobufWriter record(long partitionKeyIndex, String data) {
        return new ProtobufWriter().varint(1, partitionKeyIndex).string(3, data);
    }

    static byte[] framed(ProtobufWriter aggregatedRecord) {
        return KplAggregator.frame(aggregatedRecord.toBytes());
    }

    private static void assertPlain(byte[] data) {
        StreamRecord record = parent(data);
        assertThat(KplDeaggregator.deaggregate(record)).containsExactly(record);
    }
}
