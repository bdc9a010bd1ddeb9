package dev.pipesrecovery.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The partner API behind an API destination: a real local HTTP server (JDK {@code HttpServer} on 127.0.0.1) that
 * pipes-replay's tests and the sandbox send to. By default it answers from a script — queued answers first, then the
 * default (204 unless changed), after an optional delay — and records every request. Given a {@link Responder}, it
 * leaves answering (and any bookkeeping) to that and records nothing, so a long rehearsal does not keep every body.
 * Any path is accepted; {@code /oauth/token} is an OAuth client-credentials token endpoint.
 */
public final class PartnerApi implements AutoCloseable {

    /** One request as received: its arrival ({@code System.nanoTime}) and what it was answered. */
    public record Received(
            long nanoTime, String method, String path, Map<String, List<String>> headers, byte[] body, int status) {

        /** The first value of a header, its name in any case; null when absent. */
        public String header(String name) {
            return firstValue(headers, name);
        }
    }

    /** A request, for a {@link Responder}. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return firstValue(headers, name);
        }
    }

    /** An answer: status, headers and body ({@code null} or empty: none). */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public Answer(int status, Map<String, String> headers) {
            this(status, headers, null);
        }

        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    /** Answers every request (on the server's threads, concurrently). */
    @FunctionalInterface
    public interface Responder {
        Answer answer(Request request);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Responder responder;
    private final boolean recording;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer defaultAnswer = Answer.of(204);
    private volatile long delayMillis;

    /** On a free port, answering from the script and recording every request. */
    public PartnerApi() throws IOException {
        this(0, null);
    }

    private PartnerApi(int port, Responder responder) throws IOException {
        this.responder = responder == null ? this::scripted : responder;
        this.recording = responder == null;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        // a thread per concurrent request, so that a slow answer to one caller does not queue the others
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "partner-api-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.createContext("/oauth/token", this::token);
        server.start();
    }

    /** On {@code port} (0: a free one), every request answered by {@code responder}, nothing recorded. */
    public static PartnerApi start(int port, Responder responder) throws IOException {
        return new PartnerApi(port, java.util.Objects.requireNonNull(responder, "responder"));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next {@code times} requests get {@code answer} (after those queued before). */
    public PartnerApi then(Answer answer, int times) {
        for (int i = 0; i < times; i++) {
            script.add(answer);
        }
        return this;
    }

    /** Requests the script has no answer for get {@code answer}. */
    public PartnerApi always(Answer answer) {
        defaultAnswer = answer;
        return this;
    }

    /** Every scripted answer waits this long. */
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

    private Answer scripted(Request request) {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer = script.poll();
        return answer == null ? defaultAnswer : answer;
    }

    /** Any client gets {@code token-N}. */
    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"access_token\":\"token-" + tokenRequests.size() + "\",\"expires_in\":300}")
                    .getBytes(StandardCharsets.UTF_8);
            send(exchange, new Answer(200, Map.of("Content-Type", "application/json"), body));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long at = System.nanoTime();
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().toString();
            Answer answer = responder.answer(new Request(method, path, headers, body));
            if (recording) {
                received.add(new Received(at, method, path, headers, body, answer.status()));
            }
            send(exchange, answer);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        answer.headers().forEach(headers::set);
        boolean hasBody = answer.body() != null && answer.body().length > 0;
        exchange.sendResponseHeaders(answer.status(), hasBody ? answer.body().length : -1);
        if (hasBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private static String firstValue(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
