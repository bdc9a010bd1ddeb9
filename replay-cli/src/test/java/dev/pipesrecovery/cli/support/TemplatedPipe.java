package dev.pipesrecovery.cli.support;

import java.util.Map;
import software.amazon.awssdk.services.pipes.PipesClient;

/**
 * The pipe the {@code --pipe} tests replay for, on moto_server: an {@code InputTemplate} that is not {@code <$.data>}
 * and header, query and path parameters, so that a sender that does not rebuild the pipe's request is caught. Used
 * by the CLI's tests and by the replay worker's, which must send the same requests.
 */
public final class TemplatedPipe {

    public static final String TEMPLATE = "{\"order\": <$.data>, \"key\": \"<$.partitionKey>\", "
            + "\"pipe\": \"<aws.pipes.pipe-name>\", \"seq\": \"<$.sequenceNumber>\"}";

    private TemplatedPipe() {}

    /**
     * Creates pipe {@code name} from the archive's stream to the API destination {@code destinationArn}: path
     * parameter {@code v1} (for an endpoint ending {@code /*}), header {@code X-Source: pipe}, query
     * {@code tenant=acme}.
     */
    public static void create(PipesClient pipes, String name, String destinationArn) {
        pipes.createPipe(b -> b.name(name)
                .roleArn("arn:aws:iam::123456789012:role/" + name)
                .source(Archive.STREAM_ARN)
                .target(destinationArn)
                .targetParameters(t -> t.inputTemplate(TEMPLATE)
                        .httpParameters(h -> h.pathParameterValues("v1")
                                .headerParameters(Map.of("X-Source", "pipe"))
                                .queryStringParameters(Map.of("tenant", "acme")))));
    }
}
