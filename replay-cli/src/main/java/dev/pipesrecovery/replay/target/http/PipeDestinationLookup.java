package dev.pipesrecovery.replay.target.http;

import dev.pipesrecovery.pipes.InputTemplate;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.pipes.PipesClient;
import software.amazon.awssdk.services.pipes.model.DescribePipeResponse;
import software.amazon.awssdk.services.pipes.model.PipeTargetHttpParameters;

/**
 * Reads what a pipe sends to its API destination, so a direct replay sends the same request: {@code DescribePipe}
 * (target ARN, {@code InputTemplate}, HTTP parameters, role) and {@code DescribeApiDestination} (endpoint, method).
 * Path parameter values replace the {@code *} wildcards of the endpoint in order
 * (https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_PipeTargetHttpParameters.html).
 */
public final class PipeDestinationLookup {

    private final PipesClient pipes;
    private final EventBridgeClient events;
    private final Clock clock;

    public PipeDestinationLookup(PipesClient pipes, EventBridgeClient events, Clock clock) {
        this.pipes = pipes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param url     {@code --url}, which wins over the destination's endpoint when given
     * @param headers {@code --header}s, added after the pipe's own
     * @return the target without credentials ({@link HttpTargetConfig#withAuth} adds a connection's)
     */
    public HttpTargetConfig configFor(String pipeName, URI url, List<HttpHeader> headers) {
        return configFor(pipeName, null, url, headers);
    }

    /**
     * @param expectedTarget the API destination the pipe must target (null: any), checked before it is described
     * @throws IllegalArgumentException when the pipe targets no API destination, or another one than expected
     */
    public HttpTargetConfig configFor(String pipeName, String expectedTarget, URI url, List<HttpHeader> headers) {
        DescribePipeResponse pipe = pipes.describePipe(b -> b.name(pipeName));
        String targetArn = pipe.target();
        if (targetArn == null || !targetArn.contains(":api-destination/")) {
            throw new IllegalArgumentException(
                    "pipe " + pipeName + " does not target an API destination (target: " + targetArn + "); use --url");
        }
        if (expectedTarget != null && !expectedTarget.equals(targetArn)) {
            throw new IllegalArgumentException(
                    "pipe " + pipeName + " targets " + targetArn + ", not the API destination " + expectedTarget);
        }
        ApiDestinationLookup.Destination destination = new ApiDestinationLookup(events).describe(targetArn);
        PipeTargetHttpParameters http =
                pipe.targetParameters() == null ? null : pipe.targetParameters().httpParameters();
        String endpoint = destination.invocationEndpoint();
        List<HttpHeader> allHeaders = new ArrayList<>();
        Map<String, String> query = new HashMap<>();
        if (http != null) {
            for (String value : http.pathParameterValues()) {
                endpoint = endpoint.replaceFirst("\\*", java.util.regex.Matcher.quoteReplacement(value));
            }
            http.headerParameters().forEach((name, value) -> allHeaders.add(new HttpHeader(name, value)));
            query.putAll(http.queryStringParameters());
        }
        allHeaders.addAll(headers);
        String template =
                pipe.targetParameters() == null ? null : pipe.targetParameters().inputTemplate();
        Map<String, String> variables = new HashMap<>();
        variables.put("aws.pipes.pipe-arn", pipe.arn());
        variables.put("aws.pipes.pipe-name", pipe.name());
        variables.put("aws.pipes.source-arn", pipe.source());
        variables.put("aws.pipes.target-arn", targetArn);
        if (pipe.enrichment() != null) {
            variables.put("aws.pipes.enrichment-arn", pipe.enrichment());
        }
        variables.put("aws.pipes.event.ingestion-time", clock.instant().toString());
        variables.values().removeIf(java.util.Objects::isNull);
        return new HttpTargetConfig(
                destination.method(),
                url != null ? url : URI.create(endpoint),
                allHeaders,
                query,
                template == null || template.isEmpty() ? null : new InputTemplate(template),
                variables,
                pipe.roleArn(),
                ConnectionAuth.NONE);
    }
}
