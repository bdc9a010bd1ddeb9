package dev.pipesrecovery.apidestination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-21T22:00:00Z");

    @Test
    void secondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", NOW)).contains(new RetryAfter(Duration.ofSeconds(7), false));
        assertThat(RetryAfter.parse(" 7 ", NOW)).contains(new RetryAfter(Duration.ofSeconds(7), false));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 22:00:30 GMT", NOW))
                .contains(new RetryAfter(Duration.ofSeconds(30), false));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 21:00:00 GMT", NOW))
                .contains(new RetryAfter(Duration.ZERO, false));
    }

    @Test
    void aNegativeValueAsksToStopRetrying() {
        assertThat(RetryAfter.parse("-1", NOW)).contains(new RetryAfter(Duration.ZERO, true));
    }

    @Test
    void absentOrUnreadableLeavesItToTheBackoff() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("21 Nov 2026", NOW)).isEmpty();
    }
}
