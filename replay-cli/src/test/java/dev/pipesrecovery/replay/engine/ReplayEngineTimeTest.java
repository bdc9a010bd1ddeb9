package dev.pipesrecovery.replay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.replay.run.OnSuccess;
import dev.pipesrecovery.replay.run.ProgressListener;
import dev.pipesrecovery.replay.run.ReplayRequest;
import dev.pipesrecovery.replay.run.ReplaySettings;
import dev.pipesrecovery.replay.run.ReplaySummary;
import dev.pipesrecovery.replay.selection.ArchiveSelector;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.selection.StatusFilter;
import dev.pipesrecovery.replay.target.http.HttpTarget;
import dev.pipesrecovery.replay.target.http.HttpTargetConfig;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.PartnerApi.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole replay (S3Mock archive, the real HTTP target, a real local partner API) on a fake clock: the rate limit,
 * the backoff and a {@code Retry-After} are waited on the injected sleeper, durations come from the injected clock,
 * so a run that takes half a minute of its own time takes a moment of the test's.
 */
class ReplayEngineTimeTest {

    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");

    @TempDir
    Path state;

    /**
     * Time that moves only when the engine sleeps on it, one reading for the wall and the monotonic clock. (aws's
     * test FakeTime is the same idea; both belong in testkit once the hydrate side's changes to it have landed.)
     */
    private static final class SleptTime implements Sleeper {
        private final Instant start;
        private final List<Duration> sleeps = new ArrayList<>();
        private long nanos;

        SleptTime(Instant start) {
            this.start = start;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            sleeps.add(duration);
            nanos += duration.toNanos();
        }

        synchronized List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }

        synchronized long nanoTime() {
            return nanos;
        }

        EngineTime engineTime() {
            Clock wall = new Clock() {
                @Override
                public Instant instant() {
                    return start.plusNanos(nanoTime());
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }
            };
            return new EngineTime(wall, this::nanoTime, this, () -> 0.5);
        }
    }

    @Test
    void theEngineWaitsOnlyOnTheInjectedTime() throws Exception {
        try (Archive archive = new Archive();
                PartnerApi partner = new PartnerApi()) {
            archive.put("orders-api", "k", T0, "{\"n\":1}");
            archive.put("orders-api", "k", T0.plusSeconds(1), "{\"n\":2}");
            partner.then(new Answer(503, Map.of("Retry-After", "30")), 1);
            SleptTime time = new SleptTime(T0.plus(Duration.ofDays(3)));
            EngineTime engineTime = time.engineTime();
            ReplayEngine engine = new ReplayEngine(
                    new ArchiveSelector(archive.store(), new KeyLayout(""), engineTime.wall()),
                    archive.store(),
                    engineTime);
            ReplaySettings settings = new ReplaySettings(
                    2,
                    1,
                    new BackoffPolicy(Duration.ofMillis(200), Duration.ofSeconds(20), 5),
                    10,
                    OnSuccess.KEEP,
                    256,
                    true);
            HttpTarget target = new HttpTarget(
                    HttpTargetConfig.plain(URI.create(partner.url("/orders")), List.of()),
                    HttpClient.newHttpClient(),
                    engineTime.wall());
            ReplayRequest request = new ReplayRequest(
                    new Selection("orders-api", null, null, null, StatusFilter.ALL),
                    target,
                    settings,
                    "run-1",
                    "identity-1",
                    state);
            long realStart = System.nanoTime();

            ReplaySummary summary = engine.run(request, 2, ProgressListener.NONE);

            double realSeconds = (System.nanoTime() - realStart) / 1e9;
            assertThat(summary.delivered().records()).as(summary.toString()).isEqualTo(2);
            assertThat(partner.received())
                    .extracting(PartnerApi.Received::status)
                    .containsExactly(503, 204, 204);
            assertThat(time.sleeps())
                    .as("Retry-After: 30, then --rate 2 spaces the next request 500 ms")
                    .containsExactly(Duration.ofSeconds(30), Duration.ofMillis(500));
            assertThat(summary.run().durationMillis()).isEqualTo(30_500);
            assertThat(summary.run().startedAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
            assertThat(realSeconds).as("nothing was waited for real").isLessThan(15);
        }
    }
}
