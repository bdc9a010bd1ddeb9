package dev.pipesrecovery.replay.target.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.apidestination.ApiDestinationCall;
import dev.pipesrecovery.apidestination.CallOutcome;
import dev.pipesrecovery.pipes.HttpParameterValue;
import dev.pipesrecovery.replay.target.DeliveryResult;
import dev.pipesrecovery.replay.target.ReplayItem;
import dev.pipesrecovery.replay.target.ReplayTarget;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends each record to the partner API as one request, like an API destination: the body is the record's bytes
 * (or the pipe's {@code InputTemplate} applied to the pipe event), with an {@code Idempotency-Key} derived from the
 * record's stream position (unless the pipe or {@code --header} sets one) and an {@code X-Pipes-Replay-Run-Id}.
 * What an answer means — delivered, worth a retry (with its {@code Retry-After}), or final — is core's
 * {@link ApiDestinationCall}, the model the sandbox's pipe stand-in uses too; a 401 or 407 with a connection's
 * credentials is sent once more at once with a new OAuth token, as EventBridge does. The request timeout is longer
 * than an API destination's 5 s: a partner slowly catching up still gets its answer in, and a request that timed
 * out after the partner processed it (sent again: a duplicate) is less likely.
 */
public final class HttpTarget implements ReplayTarget {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String RUN_ID_HEADER = "X-Pipes-Replay-Run-Id";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpTargetConfig config;
    private final HttpClient client;
    private final Clock clock;

    public HttpTarget(HttpTargetConfig config, HttpClient client, Clock clock) {
        this.config = config;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return config.describe();
    }

    @Override
    public int maxBatchEntries() {
        return 1;
    }

    @Override
    public long maxBatchBytes() {
        return Long.MAX_VALUE;
    }

    @Override
    public long sizeOf(ReplayItem item) {
        return item.record().data().length;
    }

    @Override
    public List<DeliveryResult> send(List<ReplayItem> batch, String runId) {
        return batch.stream().map(item -> sendOne(item, runId)).collect(Collectors.toList());
    }

    private DeliveryResult sendOne(ReplayItem item, String runId) {
        ObjectNode event = config.inputTemplate() == null && !usesJsonPaths()
                ? null
                : PipeEvent.of(item.record(), config.pipeRoleArn());
        byte[] body = config.inputTemplate() == null
                ? item.record().data()
                : config.inputTemplate()
                        .render(event, config.templateVariables())
                        .getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<Void> response =
                    client.send(request(item, runId, body, event, false), HttpResponse.BodyHandlers.discarding());
            if (ApiDestinationCall.refreshesOAuthToken(response.statusCode()) && config.auth() != ConnectionAuth.NONE) {
                response = client.send(request(item, runId, body, event, true), HttpResponse.BodyHandlers.discarding());
            }
            return result(ApiDestinationCall.answered(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant()));
        } catch (HttpTimeoutException e) {
            return result("Timeout", ApiDestinationCall.timedOut(REQUEST_TIMEOUT));
        } catch (IOException e) {
            return result(
                    "ConnectionError",
                    ApiDestinationCall.notConnected(e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retryable("Interrupted", "interrupted", null);
        } catch (IllegalStateException e) { // the connection's OAuth endpoint failed
            return DeliveryResult.retryable("ConnectionAuthFailed", e.getMessage(), null);
        }
    }

    /** An answer; failures are grouped by {@code HTTP <status>}. */
    private static DeliveryResult result(CallOutcome outcome) {
        return result("HTTP " + outcome.status(), outcome);
    }

    private static DeliveryResult result(String code, CallOutcome outcome) {
        String message = "the partner API " + outcome.reason();
        return switch (outcome.verdict()) {
            case DELIVERED -> DeliveryResult.delivered();
            case RETRY -> DeliveryResult.retryable(code, message, outcome.retryAfter());
            case FINAL, STOPPED -> DeliveryResult.failed(code, message);
        };
    }

    /**
     * One value per header name (case-insensitive): the pipe's parameters, then {@code --header}s, then the
     * connection's (which take precedence, as in EventBridge). {@code Content-Type} and {@code Idempotency-Key} are
     * added only when none of those set them, so a pipe's own {@code Idempotency-Key} is the one sent.
     */
    private HttpRequest request(ReplayItem item, String runId, byte[] body, JsonNode event, boolean refreshAuth) {
        Map<String, HttpHeader> headers = new LinkedHashMap<>();
        for (HttpHeader header : config.headers()) {
            put(headers, new HttpHeader(header.name(), resolve(header.value(), event)));
        }
        config.auth().headers(refreshAuth).forEach(header -> put(headers, header));
        headers.putIfAbsent("content-type", new HttpHeader("Content-Type", "application/json; charset=utf-8"));
        headers.putIfAbsent(
                IDEMPOTENCY_KEY.toLowerCase(Locale.ROOT), new HttpHeader(IDEMPOTENCY_KEY, item.idempotencyKey()));
        put(headers, new HttpHeader(RUN_ID_HEADER, runId));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(event))
                .timeout(REQUEST_TIMEOUT)
                .method(config.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        headers.values().forEach(header -> builder.header(header.name(), header.value()));
        return builder.build();
    }

    private static void put(Map<String, HttpHeader> headers, HttpHeader header) {
        headers.remove(header.name().toLowerCase(Locale.ROOT)); // a replaced header moves to the end, as re-added
        headers.put(header.name().toLowerCase(Locale.ROOT), header);
    }

    private URI uri(JsonNode event) {
        Map<String, String> query = config.queryParameters();
        if (query.isEmpty()) {
            return config.url();
        }
        String extra = query.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> encode(e.getKey()) + "=" + encode(resolve(e.getValue(), event)))
                .collect(Collectors.joining("&"));
        String base = config.url().toString();
        return URI.create(base + (config.url().getRawQuery() == null ? "?" : "&") + extra);
    }

    private boolean usesJsonPaths() {
        return config.headers().stream().anyMatch(h -> HttpParameterValue.isPath(h.value()))
                || config.queryParameters().values().stream().anyMatch(HttpParameterValue::isPath);
    }

    /** A pipe's header/query value may be a JSON path into the event; one that leads nowhere is sent empty. */
    private static String resolve(String value, JsonNode event) {
        return HttpParameterValue.resolve(value, event).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
