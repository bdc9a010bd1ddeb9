package dev.pipesrecovery.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.ArchivedRecord;
import dev.pipesrecovery.sandbox.EventProducer;
import dev.pipesrecovery.sandbox.PipesReplay;
import dev.pipesrecovery.sandbox.partner.Delivery;
import dev.pipesrecovery.sandbox.partner.PartnerStandIn;
import dev.pipesrecovery.testkit.kpl.KplAggregator;
import dev.pipesrecovery.testkit.kpl.KplUserRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awkward input through the whole system (pipe → DLQ → hydrate → archive → replay): partition keys of every
 * awkward kind, a 1 MiB record, an empty record, binary data and a KPL aggregate. Each record is archived with its
 * exact bytes and original key, and replayed byte for byte.
 */
class BadInputTest {

    private static final int ONE_MIB = 1024 * 1024;

    @TempDir
    Path stateDir;

    @Test
    void everyAwkwardRecordIsArchivedExactlyAndReplayedByteForByte() throws Exception {
        List<KplUserRecord> userRecords = List.of(
                KplUserRecord.of("kpl/user-1", json("kpl-0")),
                KplUserRecord.of("kpl/user-2", json("kpl-1")),
                KplUserRecord.of("kpl user 3 ✓", json("kpl-2")));
        List<Input> plain = new ArrayList<>(List.of(
                new Input("customer/42", json("slash")),
                new Input(".", json("dot")),
                new Input("..", json("dotdot")),
                new Input("with space, 100% & ~tilde?#=+", json("reserved")),
                new Input("ünïcødé-日本語-🦄", json("unicode")),
                new Input("tab\tand\nnewline", json("control")),
                new Input("k".repeat(256), json("longest-key")),
                new Input("🦄".repeat(128), json("key-over-512-bytes-encoded")),
                new Input("binary", new byte[] {(byte) 0xF3, 0, (byte) 0xFF, 10, (byte) 0x80}),
                new Input("empty", new byte[0]),
                new Input("big", filled(ONE_MIB - "big".length()))));
        try (Scenario scenario = Scenario.create("bad-input", 1, 5)) {
            EventProducer producer = new EventProducer(scenario.stack.kinesis(), scenario.consumer, "bad");
            for (Input input : plain) {
                producer.produceRaw("bad-" + input.key().hashCode(), input.key(), input.data());
            }
            producer.produceRaw("kpl", "aggregate-key", KplAggregator.aggregate(userRecords));
            scenario.deadLetterEverything(plain.size() + 1);

            scenario.hydrateAll(scenario.stack.kinesisEndpoint(), scenario.stack.s3Endpoint(), Duration.ofSeconds(90));

            List<Input> expected = new ArrayList<>(plain);
            userRecords.forEach(u -> expected.add(new Input(u.partitionKey(), u.data())));
            List<ArchivedRecord> archived = Archived.records(scenario);
            assertThat(archived)
                    .extracting(r -> new Input(r.partitionKey(), r.data()))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(archived)
                    .filteredOn(r -> r.subSequenceNumber() != null)
                    .extracting(ArchivedRecord::subSequenceNumber)
                    .containsExactlyInAnyOrder(0L, 1L, 2L);
            assertThat(scenario.census().lossMarkers()).isEmpty();
            assertThat(scenario.poisonDepth()).isZero();

            PipesReplay.Result replay =
                    scenario.replay(scenario.stack.s3Endpoint(), stateDir).run(scenario.replayArgs(stateDir));
            assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
            assertThat(scenario.partner.deliveries().all())
                    .filteredOn(Delivery::accepted)
                    .extracting(Delivery::bodySha256)
                    .containsExactlyInAnyOrderElementsOf(expected.stream()
                            .map(i -> PartnerStandIn.sha256(i.data()))
                            .toList());
        }
    }

    private static byte[] json(String id) {
        return ("{\"eventId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        return data;
    }

    /** A partition key and its data, compared by content. */
    private record Input(String key, byte[] data) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Input input && key.equals(input.key) && Arrays.equals(data, input.data);
        }

        @Override
        public int hashCode() {
            return key.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Input[" + key.substring(0, Math.min(20, key.length())) + ", " + data.length + " bytes]";
        }
    }
}
