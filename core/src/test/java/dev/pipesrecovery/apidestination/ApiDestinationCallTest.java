package dev.pipesrecovery.apidestination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.apidestination.CallOutcome.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statuses API destinations retry, and what Retry-After does to them (eb-api-destinations). */
class ApiDestinationCallTest {

    private static final Instant NOW = Instant.parse("2026-11-21T22:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {401, 407, 409, 429, 500, 502, 503, 504, 599})
    void retried(int status) {
        CallOutcome outcome = ApiDestinationCall.answered(status, null, NOW);

        assertThat(outcome.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.retryAfter()).isNull();
        assertThat(outcome.isFinal()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 301, 304, 400, 402, 403, 404, 405, 408, 410, 413, 422, 451})
    void finalAtOnce(int status) {
        CallOutcome outcome = ApiDestinationCall.answered(status, "1", NOW);

        assertThat(outcome.verdict()).isEqualTo(Verdict.FINAL);
        assertThat(outcome.isFinal()).isTrue();
        assertThat(outcome.retryAfter())
                .as("Retry-After only matters for a retry")
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void delivered(int status) {
        assertThat(ApiDestinationCall.answered(status, null, NOW).verdict()).isEqualTo(Verdict.DELIVERED);
    }

    @Test
    void aRetriedAnswerCarriesItsRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(ApiDestinationCall.answered(429, "2", NOW).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ApiDestinationCall.answered(503, "Sat, 21 Nov 2026 22:01:00 GMT", NOW)
                        .retryAfter())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aNegativeRetryAfterStopsTheRetries() {
        CallOutcome outcome = ApiDestinationCall.answered(503, "-1", NOW);

        assertThat(outcome.verdict()).isEqualTo(Verdict.STOPPED);
        assertThat(outcome.isFinal()).isTrue();
        assertThat(outcome.reason()).contains("negative Retry-After");
    }

    @Test
    void noAnswerIsRetried() {
        assertThat(ApiDestinationCall.timedOut(ApiDestinationCall.CLIENT_EXECUTION_TIMEOUT))
                .satisfies(o -> assertThat(o.verdict()).isEqualTo(Verdict.RETRY))
                .satisfies(o -> assertThat(o.reason()).isEqualTo("no answer within 5000 ms"));
        assertThat(ApiDestinationCall.notConnected("Connection refused").verdict())
                .isEqualTo(Verdict.RETRY);
    }

    @Test
    void onlyUnauthorizedAndProxyAuthenticationRequiredRefreshAnOAuthToken() {
        assertThat(ApiDestinationCall.refreshesOAuthToken(401)).isTrue();
        assertThat(ApiDestinationCall.refreshesOAuthToken(407)).isTrue();
        assertThat(ApiDestinationCall.refreshesOAuthToken(403)).isFalse();
        assertThat(ApiDestinationCall.refreshesOAuthToken(409)).isFalse();
    }
}
