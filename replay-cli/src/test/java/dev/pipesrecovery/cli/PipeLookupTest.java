package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.cli.support.TemplatedPipe;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.PartnerApi.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.pipes.PipesClient;

/**
 * replay --target http --pipe/--connection: the pipe, its API destination and the connection (with its Secrets
 * Manager secret) are created on moto_server; the partner API is a real local server.
 */
class PipeLookupTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static ServiceEndpoints endpoints;
    private static EventBridgeClient events;
    private static PipesClient pipes;

    @TempDir
    Path state;

    private Archive archive;
    private PartnerApi partner;

    @BeforeAll
    static void emulators() {
        endpoints = new ServiceEndpoints()
                .put("S3", Emulators.s3().endpoint())
                .put("EventBridge", Emulators.moto().endpoint())
                .put("Pipes", Emulators.moto().endpoint())
                .put("SecretsManager", Emulators.moto().endpoint());
        events = LocalAws.configure(
                        EventBridgeClient.builder(), Emulators.moto().endpoint())
                .build();
        pipes = LocalAws.configure(PipesClient.builder(), Emulators.moto().endpoint())
                .build();
    }

    @AfterAll
    static void close() {
        endpoints.close();
        events.close();
        pipes.close();
    }

    @BeforeEach
    void start() throws Exception {
        archive = new Archive();
        partner = new PartnerApi();
    }

    @AfterEach
    void stop() {
        partner.close();
        archive.close();
    }

    /** A connection, an API destination on the partner and a pipe targeting it; returns the pipe name. */
    private String pipeWithConnection(String connection, ConnectionAuthorizationType type) {
        String name = "orders-api-" + NAMES.incrementAndGet();
        String connectionArn = events.createConnection(b -> b.name(connection)
                        .authorizationType(type)
                        .authParameters(p -> {
                            switch (type) {
                                case API_KEY ->
                                    p.apiKeyAuthParameters(
                                            k -> k.apiKeyName("x-api-key").apiKeyValue("s3cr3t"));
                                case OAUTH_CLIENT_CREDENTIALS ->
                                    p.oAuthParameters(o -> o.authorizationEndpoint(partner.url("/oauth/token"))
                                            .httpMethod("POST")
                                            .clientParameters(
                                                    c -> c.clientID("client-1").clientSecret("client-secret")));
                                default ->
                                    p.basicAuthParameters(
                                            k -> k.username("user").password("pass"));
                            }
                        }))
                .connectionArn();
        String destinationArn = events.createApiDestination(b -> b.name(name + "-dest")
                        .connectionArn(connectionArn)
                        .invocationEndpoint(partner.url("/orders/*"))
                        .httpMethod("PUT"))
                .apiDestinationArn();
        TemplatedPipe.create(pipes, name, destinationArn);
        return name;
    }

    private Cli.Result replay(String pipe, String connection) {
        return new Cli(state)
                .run(
                        "replay",
                        "--bucket",
                        archive.bucket(),
                        "--consumer",
                        "orders-api",
                        "--target",
                        "http",
                        "--pipe",
                        pipe,
                        "--connection",
                        connection,
                        "--rate",
                        "0",
                        "--yes");
    }

    @Test
    void sendsWhatThePipeWouldSendWithTheApiKeyOfTheConnection() throws Exception {
        archive.put("orders-api", "customer/42", Instant.parse("2026-11-21T22:15:03Z"), "{\"orderId\":\"o-1\"}");
        String connection = "conn-" + NAMES.incrementAndGet();
        String pipe = pipeWithConnection(connection, ConnectionAuthorizationType.API_KEY);

        Cli.Result result = replay(pipe, connection);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        Received request = partner.received().get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/orders/v1?tenant=acme");
        assertThat(request.header("x-api-key")).isEqualTo("s3cr3t");
        assertThat(request.header("X-Source")).isEqualTo("pipe");
        JsonNode body = MAPPER.readTree(request.body());
        assertThat(body.path("order").path("orderId").asText()).isEqualTo("o-1");
        assertThat(body.path("key").asText()).isEqualTo("customer/42");
        assertThat(body.path("pipe").asText()).isEqualTo(pipe);
        assertThat(result.out())
                .contains("(pipe InputTemplate)", "connection " + connection + ", API_KEY")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aPipeThatSetsIdempotencyKeyGetsExactlyThatOneHeader() {
        String key = archive.put("orders-api", "k", Instant.parse("2026-11-21T22:15:03Z"), "{\"n\":1}");
        String name = "idem-" + NAMES.incrementAndGet();
        String destinationArn = events.createApiDestination(b -> b.name(name + "-dest")
                        .connectionArn(events.createConnection(c -> c.name(name)
                                        .authorizationType(ConnectionAuthorizationType.API_KEY)
                                        .authParameters(p -> p.apiKeyAuthParameters(
                                                k -> k.apiKeyName("x-api-key").apiKeyValue("s3cr3t"))))
                                .connectionArn())
                        .invocationEndpoint(partner.url("/orders"))
                        .httpMethod("POST"))
                .apiDestinationArn();
        // as cloudformation/pipe.yaml does with IdempotencyKeyHeaderValue: $.eventID
        pipes.createPipe(b -> b.name(name)
                .roleArn("arn:aws:iam::123456789012:role/" + name)
                .source(Archive.STREAM_ARN)
                .target(destinationArn)
                .targetParameters(
                        t -> t.httpParameters(h -> h.headerParameters(Map.of("Idempotency-Key", "$.eventID")))));

        Cli.Result result = new Cli(state)
                .run(
                        "replay",
                        "--bucket",
                        archive.bucket(),
                        "--consumer",
                        "orders-api",
                        "--target",
                        "http",
                        "--pipe",
                        name,
                        "--rate",
                        "0",
                        "--yes",
                        "--header",
                        "X-Team: sre",
                        "--header",
                        "x-team: oncall");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        Received request = partner.received().get(0);
        assertThat(values(request, "Idempotency-Key"))
                .containsExactly("shardId-000000000001:" + key.replaceAll(".*-(\\d+)\\.json$", "$1"));
        assertThat(values(request, "X-Team"))
                .as("a later --header replaces an earlier one")
                .containsExactly("oncall");
    }

    private static List<String> values(Received request, String header) {
        return request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(header))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    @Test
    void oauthConnectionsFetchATokenWithTheClientCredentials() {
        archive.put("orders-api", "k", Instant.parse("2026-11-21T22:15:03Z"), "{\"n\":1}");
        archive.put("orders-api", "k", Instant.parse("2026-11-21T22:15:04Z"), "{\"n\":2}");
        String connection = "conn-" + NAMES.incrementAndGet();
        String pipe = pipeWithConnection(connection, ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS);

        Cli.Result result = replay(pipe, connection);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(partner.tokenRequests())
                .containsExactly("Basic "
                        + Base64.getEncoder()
                                .encodeToString("client-1:client-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(partner.received())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer token-1"));
    }

    @Test
    void refusesToSendConnectionCredentialsOverPlainHttpExceptToLoopback() {
        archive.put("orders-api", "k", Instant.parse("2026-11-21T22:15:03Z"), "{\"n\":1}");
        String connection = "conn-" + NAMES.incrementAndGet();
        String pipe = pipeWithConnection(connection, ConnectionAuthorizationType.API_KEY);
        String plainPipe = "plain-" + NAMES.incrementAndGet();
        String destinationArn = events.createApiDestination(b -> b.name(plainPipe + "-dest")
                        .connectionArn(events.describeConnection(c -> c.name(connection))
                                .connectionArn())
                        .invocationEndpoint("http://partner.invalid/orders")
                        .httpMethod("POST"))
                .apiDestinationArn();
        pipes.createPipe(b -> b.name(plainPipe)
                .roleArn("arn:aws:iam::123456789012:role/x")
                .source(Archive.STREAM_ARN)
                .target(destinationArn));
        String oauth = "conn-" + NAMES.incrementAndGet();
        events.createConnection(b -> b.name(oauth)
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(p -> p.oAuthParameters(o -> o.authorizationEndpoint("http://idp.invalid/token")
                        .httpMethod("POST")
                        .clientParameters(c -> c.clientID("id").clientSecret("secret")))));

        Cli.Result url = replayWith("--url", "http://partner.invalid/orders", "--connection", connection);
        Cli.Result destination = replayWith("--pipe", plainPipe, "--connection", connection);
        Cli.Result tokenEndpoint = replayWith("--url", partner.url("/orders"), "--connection", oauth);
        Cli.Result loopback = replayWith("--pipe", pipe, "--connection", connection, "--url", partner.url("/o"));

        assertThat(url.exitCode()).as(url.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err().lines().toList())
                .containsExactly("pipes-replay: refusing to send the credentials of "
                        + "connection " + connection
                        + " over plain HTTP to partner.invalid: use an https:// URL (plain http "
                        + "only to a loopback address such as 127.0.0.1 or localhost)");
        assertThat(destination.exitCode()).as(destination.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(destination.err()).contains("over plain HTTP to partner.invalid");
        assertThat(tokenEndpoint.exitCode()).as(tokenEndpoint.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(tokenEndpoint.err())
                .contains(
                        "refusing to send the credentials of connection " + oauth + " over plain HTTP to idp.invalid");
        assertThat(loopback.exitCode()).as(loopback.toString()).isEqualTo(0);
        assertThat(partner.received()).hasSize(1);
    }

    private Cli.Result replayWith(String... target) {
        List<String> args = new ArrayList<>(List.of(
                "replay",
                "--bucket",
                archive.bucket(),
                "--consumer",
                "orders-api",
                "--target",
                "http",
                "--rate",
                "0",
                "--max-attempts",
                "1",
                "--yes"));
        args.addAll(List.of(target));
        return new Cli(state.resolve("run-" + NAMES.incrementAndGet())).run(args.toArray(String[]::new));
    }

    @Test
    void aPipeThatDoesNotExistIsOneClearLine() {
        archive.put("orders-api", "k", Instant.parse("2026-11-21T22:15:03Z"), "{\"n\":1}");

        Cli.Result result = new Cli(state)
                .run(
                        "replay",
                        "--bucket",
                        archive.bucket(),
                        "--consumer",
                        "orders-api",
                        "--target",
                        "http",
                        "--pipe",
                        "no-such-pipe",
                        "--yes");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(result.err())
                .startsWith("pipes-replay: cannot prepare the target:")
                .contains("no-such-pipe")
                .doesNotContain("\tat ");
    }
}
