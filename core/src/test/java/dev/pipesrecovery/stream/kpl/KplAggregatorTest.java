package dev.pipesrecovery.stream.kpl;

import static dev.pipesrecovery.stream.kpl.KplDeaggregatorTest.framed;
import static dev.pipesrecovery.stream.kpl.KplDeaggregatorTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.testkit.kpl.KplAggregator;
import dev.pipesrecovery.testkit.kpl.KplUserRecord;
import dev.pipesrecovery.testkit.kpl.ProtobufWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** testkit's aggregate writer (test support, not in any production jar) against core's de-aggregator. */
class KplAggregatorTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheTablesOnceInOrderOfFirstUseAndTheRecordsInOrder() throws Exception {
        byte[] aggregate = KplAggregator.aggregate(List.of(
                KplUserRecord.of("customer/1", utf8("first")),
                new KplUserRecord("😀", "12345", utf8("second")),
                KplUserRecord.of("customer/1", utf8("third"))));
        byte[] expected = framed(new ProtobufWriter()
                .string(1, "customer/1")
                .string(1, "😀")
                .string(2, "12345")
                .message(3, record(0, "first"))
                .message(3, new ProtobufWriter().varint(1, 1).varint(2, 0).string(3, "second"))
                .message(3, record(0, "third")));
        assertThat(aggregate).isEqualTo(expected);
    }

    @Test
    void roundTripsThroughTheDeaggregator() {
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        List<KplUserRecord> users = List.of(
                KplUserRecord.of("a", big), KplUserRecord.of("b", new byte[0]), KplUserRecord.of("a", utf8("x")));
        StreamRecord parent = KplDeaggregatorTest.parent(KplAggregator.aggregate(users));
        List<StreamRecord> opened = KplDeaggregator.deaggregate(parent);
        assertThat(opened).hasSize(3);
        for (int i = 0; i < users.size(); i++) {
            assertThat(opened.get(i).partitionKey()).isEqualTo(users.get(i).partitionKey());
            assertThat(opened.get(i).data()).isEqualTo(users.get(i).data());
            assertThat(opened.get(i).subSequenceNumber()).isEqualTo(i);
        }
    }

    @Test
    void rejectsAnEmptyAggregateAndAnEmptyPartitionKey() {
        assertThatThrownBy(() -> KplAggregator.aggregate(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KplUserRecord.of("", new byte[0])).hasMessageContaining("partition key");
    }
}
