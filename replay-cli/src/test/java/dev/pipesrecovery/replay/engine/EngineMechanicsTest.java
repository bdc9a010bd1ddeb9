package dev.pipesrecovery.replay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's small parts, with a fake clock and sleeper: nothing here sleeps for real. */
class EngineMechanicsTest {

    @Test
    void tokenBucketSpacesRequestsEvenly() throws Exception {
        long[] now = {0};
        List<Long> sends = new ArrayList<>();
        TokenBucket bucket = new TokenBucket(4, d -> now[0] += d.toNanos(), () -> now[0]);

        for (int i = 0; i < 9; i++) {
            bucket.acquire();
            sends.add(now[0]);
        }

        assertThat(sends)
                .containsExactly(
                        0L,
                        250_000_000L,
                        500_000_000L,
                        750_000_000L,
                        1_000_000_000L,
                        1_250_000_000L,
                        1_500_000_000L,
                        1_750_000_000L,
                        2_000_000_000L);
    }

    @Test
    void unlimitedRateNeverWaits() throws Exception {
        TokenBucket bucket = new TokenBucket(
                0,
                d -> {
                    throw new AssertionError("slept " + d);
                },
                () -> 0);
        for (int i = 0; i < 1000; i++) {
            bucket.acquire();
        }
    }

    @Test
    void breakerOpensAfterConsecutiveFailuresOnlyAndStaysOpen() {
        CircuitBreaker breaker = new CircuitBreaker(3);
        breaker.recordFailure("HTTP 500");
        breaker.recordFailure("HTTP 500");
        breaker.recordSuccess();
        breaker.recordFailure("HTTP 400");
        breaker.recordFailure("HTTP 400");
        assertThat(breaker.isOpen()).isFalse();

        breaker.recordFailure("HTTP 400");

        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.reason())
                .isEqualTo("the circuit breaker opened: the target kept failing (3 consecutive "
                        + "failures, the last one HTTP 400)");
        breaker.recordSuccess();
        assertThat(breaker.isOpen()).isTrue();
    }

    @Test
    void latencyQuantilesAreWithinOneBucket() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            histogram.record(Duration.ofMillis(ms).toNanos());
        }

        assertThat(histogram.quantileMillis(0.50)).isBetween(50.0, 50.0 * 1.06);
        assertThat(histogram.quantileMillis(0.99)).isBetween(99.0, 99.0 * 1.06);
    }
}
