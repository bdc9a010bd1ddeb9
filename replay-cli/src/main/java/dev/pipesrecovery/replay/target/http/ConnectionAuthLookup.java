package dev.pipesrecovery.replay.target.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads an EventBridge connection's credentials from the Secrets Manager secret EventBridge keeps for it
 * ({@code events!connection/...}, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html).
 * The secret's field names are read loosely ({@code api_key_value}, {@code ApiKeyValue} ...): only the connection's
 * owner service writes it and its exact layout is not documented. Needs {@code events:DescribeConnection} and
 * {@code secretsmanager:GetSecretValue} on the secret.
 */
public final class ConnectionAuthLookup {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EventBridgeClient events;
    private final SecretsManagerClient secrets;
    private final HttpClient http;
    private final Clock clock;

    public ConnectionAuthLookup(EventBridgeClient events, SecretsManagerClient secrets, HttpClient http, Clock clock) {
        this.events = events;
        this.secrets = secrets;
        this.http = http;
        this.clock = clock;
    }

    public ConnectionAuth authFor(String connectionName) {
        DescribeConnectionResponse connection = events.describeConnection(b -> b.name(connectionName));
        String secretString =
                secrets.getSecretValue(b -> b.secretId(connection.secretArn())).secretString();
        JsonNode secret;
        try {
            secret = MAPPER.readTree(secretString);
        } catch (IOException e) {
            throw new UncheckedIOException("the secret of connection " + connectionName + " is not JSON", e);
        }
        String type = connection.authorizationTypeAsString();
        String description = "connection " + connectionName + ", " + type;
        List<HttpHeader> headers = invocationHeaders(secret);
        switch (type) {
            case "API_KEY" -> headers.add(new HttpHeader(text(secret, "apikeyname"), text(secret, "apikeyvalue")));
            case "BASIC" ->
                headers.add(new HttpHeader(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((text(secret, "username") + ":" + text(secret, "password"))
                                                .getBytes(StandardCharsets.UTF_8))));
            case "OAUTH_CLIENT_CREDENTIALS" -> {
                JsonNode client = find(secret, "clientparameters");
                JsonNode clientNode = client == null ? secret : client;
                URI tokenEndpoint = URI.create(text(secret, "authorizationendpoint"));
                CredentialTransport.requireSafe(tokenEndpoint, CredentialTransport.ofConnection(connectionName));
                return new OAuthClientCredentials(
                        description,
                        tokenEndpoint,
                        find(secret, "httpmethod") == null ? "POST" : text(secret, "httpmethod"),
                        text(clientNode, "clientid"),
                        text(clientNode, "clientsecret"),
                        headers,
                        http,
                        clock);
            }
            default ->
                throw new IllegalArgumentException(
                        "connection " + connectionName + " has an unsupported authorization type " + type);
        }
        return new StaticAuth(description, headers);
    }

    private static List<HttpHeader> invocationHeaders(JsonNode secret) {
        List<HttpHeader> headers = new ArrayList<>();
        JsonNode invocation = find(secret, "invocationhttpparameters");
        JsonNode list = invocation == null ? null : find(invocation, "headerparameters");
        if (list != null) {
            for (JsonNode header : list) {
                headers.add(new HttpHeader(text(header, "key"), text(header, "value")));
            }
        }
        return headers;
    }

    private static String text(JsonNode node, String normalizedName) {
        JsonNode value = find(node, normalizedName);
        if (value == null || !value.isValueNode()) {
            throw new IllegalArgumentException("the connection secret has no " + normalizedName);
        }
        return value.asText();
    }

    /** The field whose name, lower-cased without underscores, is {@code normalizedName}. */
    private static JsonNode find(JsonNode node, String normalizedName) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().replace("_", "").toLowerCase(Locale.ROOT).equals(normalizedName)) {
                return field.getValue();
            }
        }
        return null;
    }
}
