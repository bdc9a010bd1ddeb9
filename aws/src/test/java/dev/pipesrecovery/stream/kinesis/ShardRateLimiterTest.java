package dev.pipesrecovery.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.aws.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShardRateLimiterTest {

    @Test
    void spacesCallsOnOneShardAndLeavesOtherShardsAlone() throws Exception {
        FakeTime time = new FakeTime();
        ShardRateLimiter limiter =
                new ShardRateLimiter(KinesisReaderSettings.defaults().minInterval(), time::nanoTime, time);

        limiter.acquire("stream/shard-0");
        limiter.acquire("stream/shard-1");
        limiter.acquire("stream/shard-0");
        limiter.acquire("stream/shard-0");

        // default 2 calls/s: the 2nd and 3rd call on shard-0 each wait a 500 ms slot; shard-1 never waits
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void aCallAfterAQuietPeriodDoesNotWait() throws Exception {
        FakeTime time = new FakeTime();
        ShardRateLimiter limiter = new ShardRateLimiter(Duration.ofMillis(200), time::nanoTime, time);

        limiter.acquire("s");
        time.sleep(Duration.ofSeconds(1));
        limiter.acquire("s");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    /**
     * The limiter reads only a monotonic source (an NTP step of the wall clock cannot reach it; with the wall clock a
     * step back of an hour made the next call wait 1 h 0.2 s), and compares by difference: FakeTime's nanoTime wraps
     * past Long.MAX_VALUE after 700 ms, in the middle of these calls.
     */
    @Test
    void spacingHoldsAcrossTheWrapAroundOfTheMonotonicSource() throws Exception {
        FakeTime time = new FakeTime();
        ShardRateLimiter limiter = new ShardRateLimiter(Duration.ofMillis(200), time::nanoTime, time);

        for (int i = 0; i < 8; i++) {
            limiter.acquire("s");
        }
        time.sleep(Duration.ofSeconds(3));
        limiter.acquire("s");

        assertThat(time.sleeps())
                .hasSize(8)
                .allMatch(d -> d.equals(Duration.ofMillis(200)) || d.equals(Duration.ofSeconds(3)));
    }

    @Test
    void settingsRefuseMoreThanTheShardLimit() {
        assertThatThrownBy(() -> KinesisReaderSettings.defaults().withCallsPerSecondPerShard(6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 5]");
        assertThatThrownBy(() -> KinesisReaderSettings.defaults().withCallsPerSecondPerShard(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KinesisReaderSettings.defaults().withMaxRecordsPerCall(10_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KinesisReaderSettings.defaults()
                        .withCallsPerSecondPerShard(5)
                        .minInterval())
                .isEqualTo(Duration.ofMillis(200));
    }
}
