package dev.pipesrecovery.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    private final BackoffPolicy policy = new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 8);

    @Test
    void validatesItsParameters() {
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base must be positive");
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofMillis(-1), Duration.ofSeconds(1), 3))
                .hasMessageContaining("base must be positive");
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .hasMessageContaining("cap PT1S must be >= base PT2S");
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .hasMessageContaining("maxAttempts must be >= 1");
        assertThatThrownBy(() -> new BackoffPolicy(null, Duration.ofSeconds(1), 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void ceilingDoublesUpToTheCap() {
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.ceiling(6)).isEqualTo(Duration.ofMillis(3200));
        assertThat(policy.ceiling(7)).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> policy.ceiling(0)).hasMessageContaining("1-based");
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(policy.delayBeforeRetry(3, () -> 0.0)).isEqualTo(Duration.ZERO);
        assertThat(policy.delayBeforeRetry(3, () -> 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBeforeRetry(3, () -> 0.25)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBeforeRetry(3, () -> Math.nextDown(1.0)))
                .isLessThan(Duration.ofMillis(400))
                .isGreaterThan(Duration.ofMillis(399));
        assertThatThrownBy(() -> policy.delayBeforeRetry(1, () -> 1.0)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> policy.delayBeforeRetry(1, () -> Double.NaN)).hasMessageContaining("[0, 1)");
    }

    @Test
    void neverOverflowsForLargeRetryNumbersOrHugeDurations() {
        assertThat(policy.delayBeforeRetry(Integer.MAX_VALUE, () -> 0.5)).isEqualTo(Duration.ofMillis(2500));
        assertThat(policy.ceiling(63)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.ceiling(40)).isEqualTo(Duration.ofSeconds(5));
        BackoffPolicy huge = new BackoffPolicy(Duration.ofDays(365 * 1000L), Duration.ofSeconds(Long.MAX_VALUE), 3);
        assertThat(huge.ceiling(100)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(huge.delayBeforeRetry(100, () -> 0.5))
                .isEqualTo(Duration.ofSeconds(Long.MAX_VALUE / 2, 500_000_000));
    }

    @Test
    void countsAttemptsIncludingTheFirst() {
        BackoffPolicy once = new BackoffPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1);
        assertThat(once.allowsRetryAfter(1)).isFalse();
        assertThat(policy.allowsRetryAfter(7)).isTrue();
        assertThat(policy.allowsRetryAfter(8)).isFalse();
    }
}
