package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The partner API answers from its script and records; with a responder it answers as told and keeps nothing. */
class PartnerApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Idempotency-Key", "k-" + body)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersFromItsScriptThenTheDefaultAndRecordsEveryRequest() throws Exception {
        try (PartnerApi api = new PartnerApi()) {
            api.then(new PartnerApi.Answer(503, Map.of("Retry-After", "1")), 1).then(PartnerApi.Answer.of(500), 1);

            HttpResponse<String> first = post(api.url("/events"), "a");
            assertThat(first.statusCode()).isEqualTo(503);
            assertThat(first.headers().firstValue("Retry-After")).contains("1");
            assertThat(post(api.url("/events"), "b").statusCode()).isEqualTo(500);
            assertThat(post(api.url("/events?x=1"), "c").statusCode()).isEqualTo(204);
            api.always(PartnerApi.Answer.of(200));
            assertThat(post(api.url("/events"), "d").statusCode()).isEqualTo(200);

            assertThat(api.received()).extracting(PartnerApi.Received::status).containsExactly(503, 500, 204, 200);
            assertThat(api.received()).extracting(r -> new String(r.body())).containsExactly("a", "b", "c", "d");
            assertThat(api.received().get(2).path()).isEqualTo("/events?x=1");
            assertThat(api.received().get(0).header("idempotency-key")).isEqualTo("k-a");
            assertThat(api.received().get(0).method()).isEqualTo("POST");
            assertThat(api.accepted()).hasSize(2);
        }
    }

    @Test
    void aResponderAnswersEveryRequestAndNothingIsRecorded() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (PartnerApi api = PartnerApi.start(0, request -> {
            seen.incrementAndGet();
            return new PartnerApi.Answer(
                    202,
                    Map.of("Content-Type", "text/plain"),
                    ("got " + new String(request.body()) + " " + request.header("IDEMPOTENCY-KEY")).getBytes());
        })) {
            HttpResponse<String> response = post(api.url("/anything"), "x");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo("got x k-x");
            assertThat(seen).hasValue(1);
            assertThat(api.received()).isEmpty();
        }
    }

    @Test
    void issuesOAuthTokens() throws Exception {
        try (PartnerApi api = new PartnerApi()) {
            HttpResponse<String> token = HTTP.send(
                    HttpRequest.newBuilder(URI.create(api.url("/oauth/token")))
                            .header("Authorization", "Basic abc")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(token.body()).contains("\"access_token\":\"token-1\"");
            assertThat(api.tokenRequests()).containsExactly("Basic abc");
            assertThat(api.received()).isEmpty();
        }
    }
}
