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
        ShardRateLimiter limiter = new ShardRateLimiter(KinesisReaderSettings.defaults().minInterval(), time, time);

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
        ShardRateLimiter limiter = new ShardRateLimiter(Duration.ofMillis(200), time, time);

        limiter.acquire("s");
        time.sleep(Duration.ofSeconds(1));
        limiter.acquire("s");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void settingsRefuseMoreThanTheShardLimit() {
        assertThatThrownBy(() -> KinesisReaderSettings.defaults().withCallsPerSecondPerShard(6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 5]");
        assertThatThrownBy(() -> KinesisReaderSettings.defaults().withCallsPerSecondPerShard(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KinesisReaderSettings.defaults().withMaxRecordsPerCall(10_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KinesisReaderSettings.defaults().withCallsPerSecondPerShard(5).minInterval())
                .isEqualTo(Duration.ofMillis(200));
    }
}
