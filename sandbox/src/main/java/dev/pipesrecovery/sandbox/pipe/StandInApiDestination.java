package dev.pipesrecovery.sandbox.pipe;

import dev.pipesrecovery.apidestination.ApiDestinationCall;
import dev.pipesrecovery.apidestination.CallOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * The API destination: one POST per event with the headers EventBridge sends (eb-api-destinations: the
 * {@code User-Agent} and {@code Range} cannot be overridden), within {@link StandInOptions#targetTimeout()} (5 s, as
 * EventBridge). What an answer means is core's {@link ApiDestinationCall}, the model pipes-replay's HTTP target uses
 * too; what is pipe-specific stays here: the pipe's error classes (aws-facts §2.2) and the undocumented choices of
 * {@link StandInOptions}.
 */
final class StandInApiDestination {

    static final String USER_AGENT = "Amazon/EventBridge/ApiDestinations";

    private final HttpClient client;
    private final URI endpoint;
    private final StandInOptions options;
    private final Clock clock;

    StandInApiDestination(URI endpoint, StandInOptions options, Clock clock) {
        this.endpoint = endpoint;
        this.options = options;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.targetTimeout())
                .build();
    }

    /** @param idempotencyKey the {@code Idempotency-Key} header, or null for none */
    TargetResult invoke(String body, String idempotencyKey) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(options.targetTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("Range", "bytes=0-1048575")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null && !idempotencyKey.isEmpty()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return classify(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (HttpTimeoutException timeout) {
            // the target was reached but did not answer in time: the target's failure, not the pipe's
            return new TargetResult(TargetResult.Kind.CUSTOMER_ERROR, 0, Duration.ZERO);
        } catch (IOException refusedOrBroken) {
            // no answer at all (connection refused or dropped): "HTTP connection failure to the target" is a pipe
            // internal error (eb-pipes-error-troubleshooting)
            return new TargetResult(TargetResult.Kind.INTERNAL_ERROR, 0, Duration.ZERO);
        }
    }

    /**
     * The answer in the pipe's error classes. A status API destinations do not retry (a 400, say) is dead-lettered
     * at once or counted as a customer error per {@link StandInOptions#clientErrors()}; a negative
     * {@code Retry-After} stops the retries when the stand-in honours {@code Retry-After} at all.
     */
    TargetResult classify(int status, String retryAfterHeader) {
        CallOutcome outcome = ApiDestinationCall.answered(status, retryAfterHeader, clock.instant());
        return switch (outcome.verdict()) {
            case DELIVERED -> new TargetResult(TargetResult.Kind.SUCCESS, status, Duration.ZERO);
            case RETRY ->
                new TargetResult(
                        TargetResult.Kind.CUSTOMER_ERROR,
                        status,
                        outcome.retryAfter() == null ? Duration.ZERO : outcome.retryAfter());
            case STOPPED ->
                new TargetResult(
                        options.honourRetryAfter() ? TargetResult.Kind.NOT_RETRYABLE : TargetResult.Kind.CUSTOMER_ERROR,
                        status,
                        Duration.ZERO);
            case FINAL ->
                new TargetResult(
                        deadLetterAtOnce() ? TargetResult.Kind.NOT_RETRYABLE : TargetResult.Kind.CUSTOMER_ERROR,
                        status,
                        Duration.ZERO);
        };
    }

    private boolean deadLetterAtOnce() {
        return options.clientErrors() == StandInOptions.ClientErrorHandling.DEAD_LETTER_AT_ONCE;
    }
}
