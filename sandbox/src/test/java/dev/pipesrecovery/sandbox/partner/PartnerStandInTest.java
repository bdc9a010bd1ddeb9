package dev.pipesrecovery.sandbox.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerStandInTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PartnerStandIn api;

    @BeforeAll
    static void start() throws Exception {
        api = PartnerStandIn.start(0);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void healthy() {
        api.behave(PartnerBehaviour.healthy());
    }

    @Test
    void eachBehaviourAnswersWithItsStatus() throws Exception {
        assertThat(post(event("a-1", "k", 0), null).statusCode()).isEqualTo(200);
        api.behave(PartnerBehaviour.down());
        assertThat(post(event("a-2", "k", 1), null).statusCode()).isEqualTo(503);
        api.behave(PartnerBehaviour.rejecting());
        assertThat(post(event("a-3", "k", 2), null).statusCode()).isEqualTo(400);
        api.behave(PartnerBehaviour.rateLimiting(Duration.ofMillis(1500)));
        HttpResponse<String> limited = post(event("a-4", "k", 3), null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    }

    @Test
    void slowAnswersAfterTheDelay() throws Exception {
        api.behave(PartnerBehaviour.slow(Duration.ofMillis(300)));
        long started = System.nanoTime();
        assertThat(post(event("s-1", "k", 0), null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void recordsEveryDeliveryWithItsIdempotencyKeyAndAppliesAnEventOnce() throws Exception {
        long before = api.deliveries().size();
        post(event("d-1", "customer/42", 7), "idem-1");
        post(event("d-1", "customer/42", 7), "idem-1");
        List<Delivery> mine = api.deliveries().since(before);
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).idempotencyKey()).isEqualTo("idem-1");
        assertThat(mine.get(0).eventId()).isEqualTo("d-1");
        assertThat(mine.get(0).partitionKey()).isEqualTo("customer/42");
        assertThat(mine.get(0).keySequence()).isEqualTo(7);
        assertThat(mine.get(0).firstApplication()).isTrue();
        assertThat(mine.get(1).accepted()).isTrue();
        assertThat(mine.get(1).firstApplication()).isFalse();
    }

    @Test
    void findsTheEventInsideATemplateOrInBase64Data() throws Exception {
        long before = api.deliveries().size();
        post("{\"detail\":{\"payload\":" + event("t-1", "k", 1) + "}}", null);
        String base64 = Base64.getEncoder().encodeToString(event("t-2", "k", 2).getBytes());
        post("{\"partitionKey\":\"k\",\"data\":\"" + base64 + "\"}", null);
        post("not json at all", null);
        List<Delivery> mine = api.deliveries().since(before);
        assertThat(mine).extracting(Delivery::eventId).containsExactly("t-1", "t-2", null);
    }

    @Test
    void rejectsChosenEventsWhateverTheBehaviour() throws Exception {
        api.rejectEvents(List.of("bad-1"));
        assertThat(post(event("bad-1", "k", 0), null).statusCode()).isEqualTo(400);
        assertThat(post(event("good-1", "k", 1), null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(api.url().toString()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header(PartnerStandIn.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String event(String id, String key, long keySeq) {
        return "{\"eventId\":\"" + id + "\",\"key\":\"" + key + "\",\"keySeq\":" + keySeq + "}";
    }
}
