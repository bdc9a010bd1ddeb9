package dev.pipesrecovery.replay.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.replay.plan.ChunkLimits;
import dev.pipesrecovery.replay.plan.KeyMajorListing;
import dev.pipesrecovery.replay.plan.ManagedRunInput;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.plan.PlanLines;
import dev.pipesrecovery.replay.plan.PlanWriter;
import dev.pipesrecovery.replay.plan.standin.LocalDistributedMapStandIn;
import dev.pipesrecovery.replay.plan.standin.StandInResult;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.testkit.Emulators;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A whole run as the state machine would drive it: the plan written from the archive by the CLI's own PlanWriter
 * (a hot key split into chunks, a key on two days), every item run by the Distributed Map stand-in at concurrency 8
 * with the worker, on a budget so short that items take several invocations.
 */
class WholePlanThroughTheMapStandInTest {

    private static final Instant NEXT_DAY = WorkerRig.DAY.plus(Duration.ofHours(3));

    @Test
    void everyRecordIsDeliveredOnceInOrderPerKeyHotKeyChunksIncluded() throws Exception {
        // moto: on S3Mock 4.12 this test's checkpoint GETs timed out (30 s) while 8 items polled and rewrote
        // checkpoints side by side (under load 20); the checkpoint race itself is tested on S3Mock, sequentially
        try (WorkerRig rig = new WorkerRig(Emulators.moto())) {
            rig.startRun("pending");
            Map<String, Integer> expected = new HashMap<>();
            for (int key = 0; key < 16; key++) {
                int records = 1 + key % 4;
                for (int n = 0; n < records; n++) {
                    rig.put("customer/" + key, n);
                }
                expected.put("customer/" + key, records);
            }
            IntStream.range(0, 12).forEach(n -> rig.put("hot", n));
            expected.put("hot", 12);
            IntStream.range(0, 3).forEach(n -> rig.put("two-days", n));
            IntStream.range(3, 6)
                    .forEach(n -> rig.archive.put(
                            WorkerRig.CONSUMER, "two-days", NEXT_DAY.plusMillis(n), WorkerRig.body("two-days", n)));
            expected.put("two-days", 6);
            List<PlanItem> plan = plan(rig, new ChunkLimits(4, 1 << 20));
            assertThat(plan)
                    .filteredOn(item -> item.partitionKey().equals("hot"))
                    .hasSize(3);
            assertThat(plan)
                    .filteredOn(item -> item.partitionKey().equals("two-days"))
                    .hasSize(2);

            ReplayWorker worker = rig.worker();
            // the stand-in sleeps what the worker asks, compressed here to 100 ms a round (not less: waiting chunks
            // poll S3Mock each round), and a chunk that waits for ever fails the test instead of hanging it
            AtomicInteger waits = new AtomicInteger();
            LocalDistributedMapStandIn map =
                    new LocalDistributedMapStandIn(worker.withBudget(Duration.ofMillis(20)), asked -> {
                        if (waits.incrementAndGet() > 3_000) {
                            throw new InterruptedException("waited 3,000 rounds");
                        }
                        Thread.sleep(100);
                    });
            StandInResult result = map.run(
                    plan,
                    new ManagedRunInput(
                            WorkerRig.RUN_ID,
                            rig.archive.bucket(),
                            "",
                            rig.keys().plan(),
                            0,
                            8,
                            null,
                            null));

            assertThat(result.failures())
                    .as("failures; worker log:%n%s", rig.logs())
                    .isEmpty();
            assertThat(result.succeeded()).isEqualTo(plan.size());
            Map<String, List<Integer>> accepted = rig.accepted();
            assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((key, records) -> assertThat(accepted.get(key))
                    .as(key)
                    .containsExactlyElementsOf(
                            IntStream.range(0, records).boxed().toList()));
            assertThat(result.invocations()).isGreaterThan(plan.size());
        }
    }

    private static List<PlanItem> plan(WorkerRig rig, ChunkLimits limits) throws Exception {
        Clock clock = Clock.fixed(NEXT_DAY.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        ArchiveSelector selector = new ArchiveSelector(rig.archive.store(), rig.layout, clock);
        PlanWriter writer = new PlanWriter(new KeyMajorListing(selector, clock), rig.layout, limits);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Selection selection = new Selection(
                WorkerRig.CONSUMER, Instant.parse("2026-11-21T00:00:00Z"), null, null, StatusFilter.PENDING);
        writer.write(WorkerRig.RUN_ID, selection, out);
        List<PlanItem> items = new ArrayList<>();
        out.toString(StandardCharsets.UTF_8).lines().map(PlanLines::parse).forEach(items::add);
        return items;
    }
}
