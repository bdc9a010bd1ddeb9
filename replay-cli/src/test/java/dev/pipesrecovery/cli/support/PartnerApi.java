package dev.pipesrecovery.cli.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * The partner API: a real local HTTP server (JDK {@code HttpServer}) that records every request and answers from a
 * script: queued responses first, then the default (204 unless changed), after an optional delay.
 */
public final class PartnerApi implements AutoCloseable {

    /** One request as received. */
    public record Received(long nanoTime, String method, String path, Map<String, List<String>> headers, byte[] body,
                           int status) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers) {
        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer defaultAnswer = Answer.of(204);
    private volatile long delayMillis;

    public PartnerApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.createContext("/oauth/token", this::token);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public PartnerApi then(Answer answer, int times) {
        for (int i = 0; i < times; i++) {
            script.add(answer);
        }
        return this;
    }

    public PartnerApi always(Answer answer) {
        defaultAnswer = answer;
        return this;
    }

    public PartnerApi delay(long millis) {
        delayMillis = millis;
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Requests answered 2xx. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.status() / 100 == 2).toList();
    }

    /** Authorization headers the OAuth token endpoint saw. */
    public List<String> tokenRequests() {
        return new ArrayList<>(tokenRequests);
    }

    /** An OAuth client-credentials token endpoint: any client gets {@code token-N}. */
    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"access_token\":\"token-" + tokenRequests.size() + "\",\"expires_in\":300}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long at = System.nanoTime();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Answer answer = script.poll();
            answer = answer == null ? defaultAnswer : answer;
            received.add(new Received(at, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body, answer.status()));
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
