package dev.pipesrecovery.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.PipesReplayCommand;
import dev.pipesrecovery.sandbox.LocalCredentials;
import dev.pipesrecovery.sandbox.PipesReplay;
import dev.pipesrecovery.sandbox.ProducedEvent;
import dev.pipesrecovery.sandbox.Verification;
import dev.pipesrecovery.sandbox.partner.Delivery;
import dev.pipesrecovery.testkit.LocalAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pipes-replay killed with kill -9 in the middle of a run, then the same command run again. */
class ReplayKilledTest {

    private static final int CONCURRENCY = 4;

    @TempDir
    Path dir;

    @Test
    void theSameCommandResumesAndTheApiGetsEveryEventOnce() throws Exception {
        try (Scenario scenario = Scenario.create("replay-killed", 4, 5)) {
            List<ProducedEvent> events = scenario.produceAndDeadLetter(30, List.of("a", "b", "c", "d"), 50);
            scenario.hydrateAll(scenario.stack.kinesisEndpoint(), scenario.stack.s3Endpoint(), Duration.ofSeconds(60));
            Path stateDir = dir.resolve("state");
            PipesReplay replay = scenario.replay(scenario.stack.s3Endpoint(), stateDir);
            List<String> args = new ArrayList<>(replay.globalOptions());
            // slow enough (20 records/s) to be killed in the middle
            args.addAll(List.of(scenario.replayArgs(stateDir, 20)));

            try (ChildJvm cli = ChildJvm.start(
                    PipesReplayCommand.class,
                    args,
                    Map.of(
                            "AWS_ACCESS_KEY_ID", LocalCredentials.ACCESS_KEY_ID,
                            "AWS_SECRET_ACCESS_KEY", LocalCredentials.SECRET_ACCESS_KEY,
                            "AWS_REGION", LocalAws.REGION.id()),
                    dir.resolve("cli.log"))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (scenario.partner.deliveries().acceptedCount() < 8) {
                    assertThat(cli.isAlive())
                            .as("pipes-replay ended early: %s", cli.output())
                            .isTrue();
                    assertThat(System.nanoTime())
                            .as("no delivery: %s", cli.output())
                            .isLessThan(deadline);
                    Thread.sleep(20);
                }
                cli.kill9();
            }
            long deliveredAtKill = scenario.partner.deliveries().acceptedCount();
            assertThat(deliveredAtKill).as("killed mid-run").isLessThan(events.size());

            PipesReplay.Result resumed = replay.run(scenario.replayArgs(stateDir));

            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            List<Delivery> deliveries = scenario.partner.deliveries().all();
            Verification verification =
                    Verification.of(events, deliveries, events.size(), events.size(), 0, 0, Long.MAX_VALUE);
            System.out.printf(
                    "replay killed after %d deliveries; resumed run re-sent %d in-flight record(s)%n",
                    deliveredAtKill, verification.duplicates());
            assertThat(verification.missing()).isZero();
            assertThat(scenario.partner.deliveries().appliedCount())
                    .as("every event applied once")
                    .isEqualTo(events.size());
            // at-least-once: only requests in flight at the kill (at most one per worker) may be sent again, and the
            // partner recognises them by their Idempotency-Key
            assertThat(verification.duplicates()).isLessThanOrEqualTo(CONCURRENCY);
            assertThat(deliveries.stream()
                            .filter(Delivery::accepted)
                            .map(Delivery::idempotencyKey)
                            .distinct()
                            .count())
                    .isEqualTo(events.size());
            assertThat(verification.outOfOrder()).isZero();
        }
    }
}
