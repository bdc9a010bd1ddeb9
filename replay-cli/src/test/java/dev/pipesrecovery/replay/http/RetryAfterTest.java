package dev.pipesrecovery.replay.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", CLOCK)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 22:00:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 21:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentNegativeOrUnreadableLeavesItToTheBackoff() {
        assertThat(RetryAfter.parse(null, CLOCK)).isNull();
        assertThat(RetryAfter.parse("-1", CLOCK)).isNull();
        assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
    }
}
