package dev.pipesrecovery.replay.target.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationResponse;

/**
 * Reads an API destination ({@code DescribeApiDestination}: invocation endpoint and HTTP method), named by its ARN
 * ({@code arn:aws:events:<region>:<account>:api-destination/<name>/<id>}) as a pipe's target or a replay stack's
 * {@code TargetArn} give it (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeApiDestination.html).
 */
public final class ApiDestinationLookup {

    private static final Pattern ARN = Pattern.compile(
            "^arn:aws[a-z-]*:events:[a-z0-9-]+:[0-9]{12}:api-destination/([.\\-_A-Za-z0-9]{1,64})(/.*)?$");

    /** An API destination's endpoint (with its {@code *} path wildcards, if any) and method. */
    public record Destination(String name, String invocationEndpoint, String method) {}

    private final EventBridgeClient events;

    public ApiDestinationLookup(EventBridgeClient events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** @throws IllegalArgumentException when {@code arn} is not an API destination's ARN */
    public Destination describe(String arn) {
        Matcher matcher = ARN.matcher(arn == null ? "" : arn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an API destination ARN: '" + arn
                    + "' (expected arn:aws:events:<region>:<account>:api-destination/<name>/<id>)");
        }
        String name = matcher.group(1);
        DescribeApiDestinationResponse destination = events.describeApiDestination(b -> b.name(name));
        String method = destination.httpMethodAsString() == null ? "POST" : destination.httpMethodAsString();
        return new Destination(name, destination.invocationEndpoint(), method);
    }

    /**
     * What the API destination itself sends: its method to its endpoint, the record's bytes as the body (no pipe, so
     * no {@code InputTemplate} and no pipe HTTP parameters).
     *
     * @param url     wins over the destination's endpoint when given
     * @throws IllegalArgumentException when the endpoint has {@code *} path wildcards, which only a pipe's
     *     {@code PathParameterValues} fill
     */
    public HttpTargetConfig configFor(String arn, URI url, List<HttpHeader> headers) {
        Destination destination = describe(arn);
        if (url == null && destination.invocationEndpoint().contains("*")) {
            throw new IllegalArgumentException("API destination " + destination.name()
                    + " has path wildcards (*) in its endpoint that only a pipe's path parameters fill");
        }
        return new HttpTargetConfig(
                destination.method(),
                url != null ? url : URI.create(destination.invocationEndpoint()),
                headers,
                Map.of(),
                null,
                Map.of(),
                null,
                ConnectionAuth.NONE);
    }
}
