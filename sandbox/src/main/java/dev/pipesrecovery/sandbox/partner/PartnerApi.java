package dev.pipesrecovery.sandbox.partner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The partner's HTTP API behind the pipe's API destination, on the JDK {@link HttpServer} at
 * {@code http://127.0.0.1:<port>/events} (any path is accepted). Its {@link PartnerBehaviour} can be switched at any
 * time (healthy, down, slow, rate limiting, rejecting) and it records every request in a {@link DeliveryLog}.
 */
public final class PartnerApi implements AutoCloseable {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final byte[] OK = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final DeliveryLog log = new DeliveryLog();
    private final AtomicReference<PartnerBehaviour> behaviour = new AtomicReference<>(PartnerBehaviour.healthy());
    private final Set<String> rejectedEventIds = ConcurrentHashMap.newKeySet();

    private PartnerApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on a free port of 127.0.0.1 (or {@code port} when not 0), healthy. */
    public static PartnerApi start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        // enough threads that a slow answer to one caller does not queue the others
        ExecutorService executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "partner-api");
            thread.setDaemon(true);
            return thread;
        });
        PartnerApi api = new PartnerApi(server, executor);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void behave(PartnerBehaviour next) {
        behaviour.set(next);
    }

    /**
     * Answers {@code 400} to these events whatever the behaviour: an event the partner can never accept (its
     * schema changed, its customer was deleted), as opposed to an outage.
     */
    public void rejectEvents(Collection<String> eventIds) {
        rejectedEventIds.addAll(eventIds);
    }

    public PartnerBehaviour behaviour() {
        return behaviour.get();
    }

    public DeliveryLog deliveries() {
        return log;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            PartnerBehaviour now = behaviour.get();
            if (now.mode() == PartnerBehaviour.Mode.SLOW) {
                sleep(now);
            }
            EventIdentity identity = EventIdentity.find(body);
            int status = identity.eventId() != null && rejectedEventIds.contains(identity.eventId()) ? 400
                    : now.status();
            log.record(identity, exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY_HEADER),
                    exchange.getRequestHeaders().getFirst("User-Agent"), status, sha256(body));
            if (status == 429) {
                long seconds = (now.retryAfter().toMillis() + 999) / 1000;
                exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            }
            byte[] answer = status == 200 ? OK
                    : ("{\"status\":\"error\",\"code\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** Lowercase hex SHA-256, how tests compare replayed bytes with produced ones. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    private static void sleep(PartnerBehaviour now) {
        try {
            Thread.sleep(now.delay().toMillis());
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
