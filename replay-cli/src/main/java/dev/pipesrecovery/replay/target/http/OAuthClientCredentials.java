package dev.pipesrecovery.replay.target.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An OAuth client-credentials connection: fetches a token from the authorization endpoint (client id and secret as
 * HTTP basic, {@code grant_type=client_credentials}), reuses it until shortly before it expires, and fetches a new
 * one when asked after a 401/407, as EventBridge does for API destinations.
 */
final class OAuthClientCredentials implements ConnectionAuth {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String description;
    private final URI endpoint;
    private final String method;
    private final String clientId;
    private final String clientSecret;
    private final List<HttpHeader> extraHeaders;
    private final HttpClient client;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    OAuthClientCredentials(
            String description,
            URI endpoint,
            String method,
            String clientId,
            String clientSecret,
            List<HttpHeader> extraHeaders,
            HttpClient client,
            Clock clock) {
        this.description = description;
        this.endpoint = endpoint;
        this.method = method == null ? "POST" : method;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.extraHeaders = List.copyOf(extraHeaders);
        this.client = client;
        this.clock = clock;
    }

    @Override
    public synchronized List<HttpHeader> headers(boolean refresh) {
        if (refresh || token == null || clock.instant().isAfter(expiresAt)) {
            fetchToken();
        }
        List<HttpHeader> headers = new ArrayList<>(extraHeaders);
        headers.add(new HttpHeader("Authorization", "Bearer " + token));
        return headers;
    }

    private void fetchToken() {
        String form = "grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8);
        String basic =
                Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "the OAuth endpoint of " + description + " answered " + response.statusCode());
            }
            JsonNode body = MAPPER.readTree(response.body());
            token = body.path("access_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("the OAuth endpoint of " + description + " returned no access_token");
            }
            long seconds = body.path("expires_in").asLong(300);
            expiresAt = clock.instant().plusSeconds(Math.max(0, seconds - 30));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot reach the OAuth endpoint of " + description + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[" + description + "]";
    }
}
