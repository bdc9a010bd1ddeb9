package dev.pipesrecovery.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sends a request received by {@link FaultInjectingProxy} to the emulator and copies the answer back. */
final class UpstreamForwarder {

    /** Hop-by-hop headers and those the JDK client or server set themselves. */
    private static final Set<String> SKIPPED = Set.of(
            "connection", "content-length", "expect", "host", "keep-alive", "transfer-encoding", "upgrade", "date");

    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    UpstreamForwarder(URI upstream) {
        this.upstream = upstream;
    }

    void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI requestUri = exchange.getRequestURI();
        String pathAndQuery =
                requestUri.getRawPath() + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header :
                exchange.getRequestHeaders().entrySet()) {
            if (!SKIPPED.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + upstream, e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !SKIPPED.contains(name.toLowerCase())) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        boolean noBody = answer.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public String toString() {
        return upstream.toString();
    }
}
