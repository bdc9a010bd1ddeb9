package dev.pipesrecovery.sandbox.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The stand-in's API destination classifies answers as EventBridge documents (eb-api-destinations). */
class StandInApiDestinationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T22:00:00Z");
    private final StandInApiDestination target = new StandInApiDestination(
            URI.create("http://127.0.0.1:9/events"), StandInOptions.rehearsal(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateOnEveryRetriedAnswer() {
        String inTwoMinutes =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(120).atZone(ZoneOffset.UTC));

        TargetResult throttled = target.classify(429, inTwoMinutes);
        TargetResult unavailable = target.classify(503, "3");

        assertThat(throttled.kind()).isEqualTo(TargetResult.Kind.CUSTOMER_ERROR);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(unavailable.kind()).isEqualTo(TargetResult.Kind.CUSTOMER_ERROR);
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aNegativeRetryAfterStopsTheRetries() {
        assertThat(target.classify(503, "-1").kind()).isEqualTo(TargetResult.Kind.NOT_RETRYABLE);
    }

    @Test
    void theStatusesApiDestinationsRetryAreCustomerErrors() {
        for (int status : new int[] {401, 407, 409, 429, 500, 503}) {
            assertThat(target.classify(status, null).kind())
                    .as("HTTP %d", status)
                    .isEqualTo(TargetResult.Kind.CUSTOMER_ERROR);
        }
        assertThat(target.classify(204, null).kind()).isEqualTo(TargetResult.Kind.SUCCESS);
    }
}
