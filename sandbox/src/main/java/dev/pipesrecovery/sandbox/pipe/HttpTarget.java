package dev.pipesrecovery.sandbox.pipe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The API destination: one POST per event with the headers EventBridge sends (eb-api-destinations: the
 * {@code User-Agent} and {@code Range} cannot be overridden; a 5 s client execution timeout), and the answer
 * classified as the pipe would.
 */
final class HttpTarget {

    static final String USER_AGENT = "Amazon/EventBridge/ApiDestinations";

    private final HttpClient client;
    private final URI endpoint;
    private final StandInOptions options;

    HttpTarget(URI endpoint, StandInOptions options) {
        this.endpoint = endpoint;
        this.options = options;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.targetTimeout()).build();
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
            return classify(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null));
        } catch (HttpTimeoutException timeout) {
            // the target was reached but did not answer in time: the target's failure, not the pipe's
            return new TargetResult(TargetResult.Kind.CUSTOMER_ERROR, 0, Duration.ZERO);
        } catch (IOException refusedOrBroken) {
            // no answer at all (connection refused or dropped): "HTTP connection failure to the target" is a pipe
            // internal error (eb-pipes-error-troubleshooting)
            return new TargetResult(TargetResult.Kind.INTERNAL_ERROR, 0, Duration.ZERO);
        }
    }

    TargetResult classify(int status, String retryAfterHeader) {
        if (status >= 200 && status < 300) {
            return new TargetResult(TargetResult.Kind.SUCCESS, status, Duration.ZERO);
        }
        Duration retryAfter = status == 429 ? parseRetryAfter(retryAfterHeader) : Duration.ZERO;
        boolean retriedByApiDestinations = status >= 500 || status == 401 || status == 407 || status == 409
                || status == 429;
        if (!retriedByApiDestinations
                && options.clientErrors() == StandInOptions.ClientErrorHandling.DEAD_LETTER_AT_ONCE) {
            return new TargetResult(TargetResult.Kind.NOT_RETRYABLE, status, Duration.ZERO);
        }
        return new TargetResult(TargetResult.Kind.CUSTOMER_ERROR, status, retryAfter);
    }

    private static Duration parseRetryAfter(String header) {
        if (header == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException httpDate) {
            return Duration.ZERO;
        }
    }
}
