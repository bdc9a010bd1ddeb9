package dev.pipesrecovery.replay.target.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;

/** An API destination named by its ARN (the replay worker's TargetArn), described on moto_server. */
class ApiDestinationLookupTest {

    private static EventBridgeClient events;

    @BeforeAll
    static void moto() {
        events = LocalAws.configure(
                        EventBridgeClient.builder(), Emulators.moto().endpoint())
                .build();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private static String destination(String endpoint, String method) {
        String name = "dest-" + UUID.randomUUID().toString().substring(0, 8);
        String connectionArn = events.createConnection(c -> c.name(name)
                        .authorizationType(ConnectionAuthorizationType.API_KEY)
                        .authParameters(p -> p.apiKeyAuthParameters(
                                k -> k.apiKeyName("x-api-key").apiKeyValue("s3cr3t"))))
                .connectionArn();
        return events.createApiDestination(b -> b.name(name)
                        .connectionArn(connectionArn)
                        .invocationEndpoint(endpoint)
                        .httpMethod(method))
                .apiDestinationArn();
    }

    @Test
    void theDestinationsMethodAndEndpointWithTheRecordAsTheBody() {
        String arn = destination("https://partner.example/orders", "PUT");
        assertThat(arn).matches(".*:api-destination/dest-[0-9a-f]{8}/.+"); // the ARN with its trailing id

        HttpTargetConfig config =
                new ApiDestinationLookup(events).configFor(arn, null, List.of(new HttpHeader("X-Team", "sre")));

        assertThat(config.method()).isEqualTo("PUT");
        assertThat(config.url()).isEqualTo(URI.create("https://partner.example/orders"));
        assertThat(config.inputTemplate()).isNull();
        assertThat(config.headers()).containsExactly(new HttpHeader("X-Team", "sre"));
        assertThat(config.auth()).isEqualTo(ConnectionAuth.NONE);
    }

    @Test
    void aGivenUrlWinsOverTheEndpoint() {
        String arn = destination("https://partner.example/orders", "POST");

        HttpTargetConfig config =
                new ApiDestinationLookup(events).configFor(arn, URI.create("http://127.0.0.1:9/orders"), List.of());

        assertThat(config.url()).isEqualTo(URI.create("http://127.0.0.1:9/orders"));
    }

    @Test
    void pathWildcardsNeedAPipeToFillThem() {
        String arn = destination("https://partner.example/orders/*", "POST");

        assertThatThrownBy(() -> new ApiDestinationLookup(events).configFor(arn, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path wildcards (*)");
    }

    @Test
    void anythingButAnApiDestinationArnIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new ApiDestinationLookup(events)
                        .describe("arn:aws:events:us-east-1:123456789012:event-bus/default"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an API destination ARN: 'arn:aws:events:us-east-1:123456789012:event-bus/default'"
                        + " (expected arn:aws:events:<region>:<account>:api-destination/<name>/<id>)");
    }
}
