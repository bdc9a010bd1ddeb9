package dev.pipesrecovery.replay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.selection.ListedObject;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.stream.SequenceNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure part of the plan: where chunks are cut, and the line format. */
class PlanBuilderTest {

    private static final KeyLayout LAYOUT = new KeyLayout("archive");
    private static final Instant AT = Instant.parse("2026-11-21T22:00:00Z");

    @Test
    void theUserRecordsOfOneAggregateStayInOneChunkEvenUnderOlderUnpaddedKeys() {
        List<PlanItem> items = new ArrayList<>();
        PlanBuilder builder = new PlanBuilder("run-1", LAYOUT, new ChunkLimits(2, Long.MAX_VALUE), items::add);
        // sub-sequences 0, 1, 10, 2 as an unpadded listing gives them after SubSequenceOrder: 0, 1, 2, 10
        List<String> keys = new ArrayList<>();
        for (long sub : new long[] {0, 1, 2, 10}) {
            keys.add(accept(builder, "1", sub, true));
        }
        accept(builder, "2", null, false);
        builder.finish();

        assertThat(items)
                .extracting(PlanItem::chunk, PlanItem::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 4L), org.assertj.core.groups.Tuple.tuple(1, 1L));
        assertThat(items.get(0).firstKey()).isEqualTo(keys.get(0));
        assertThat(items.get(0).lastKey()).isEqualTo(keys.get(2)); // "-2.json" sorts after "-10.json"
        assertThat(keys).allSatisfy(key -> assertThat(items.get(0).covers(key)).isTrue());
        assertThat(items.get(1).covers(keys.get(3))).isFalse();
    }

    @Test
    void aLineBreakInAPartitionKeyStaysOnItsLineAndUnknownFieldsAreIgnored() {
        PlanItem item = new PlanItem(
                "run-1",
                "orders-api",
                "a\nb\u0007",
                0,
                "archive/orders-api/2026-11-21/a%0Ab%07/",
                "archive/orders-api/2026-11-21/a%0Ab%07/x",
                "archive/orders-api/2026-11-21/a%0Ab%07/y",
                2,
                10);

        String line = new String(PlanLines.format(item), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(line)
                .doesNotContain("\n")
                .startsWith("{\"runId\":\"run-1\",\"consumer\":\"orders-api\","
                        + "\"partitionKey\":\"a\\nb\\u0007\",\"chunk\":0,\"prefix\":");
        assertThat(PlanLines.parse(line)).isEqualTo(item);
        assertThat(PlanLines.parse(line.replace("{", "{\"later\":true,"))).isEqualTo(item);
        assertThatThrownBy(() -> PlanLines.parse("{\"runId\":\"r\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a plan line");
    }

    @Test
    void boundsOutsideThePrefixOrReversedAreRejected() {
        assertThatThrownBy(() -> new PlanItem("r", "c", "k", 0, "p/", "p/b", "p/a", 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first <= last");
        assertThatThrownBy(() -> new PlanItem("r", "c", "k", 0, "p/", "q/a", "q/a", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunStateKeys.of(new KeyLayout(""), "bad id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RunStateKeys.of(new KeyLayout("archive"), "r1").report()).isEqualTo("archive/_runs/r1/report/");
    }

    private static String accept(PlanBuilder builder, String sequence, Long sub, boolean unpadded) {
        ArchiveKey key = ArchiveKey.of(
                "orders-api",
                "k",
                AT,
                "shardId-000000000001",
                SequenceNumber.of("4965685987123456789012345678901234567890123456789" + sequence),
                sub);
        String s3Key = LAYOUT.format(key);
        if (unpadded) {
            s3Key = s3Key.replaceFirst("-0*(\\d+)\\.json$", "-$1.json");
        }
        builder.accept(new ListedObject(new ArchiveObject(s3Key, 100, AT), ListedObject.Kind.RECORD, key, null, null));
        return s3Key;
    }
}
