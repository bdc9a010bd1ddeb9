package dev.pipesrecovery.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 reverse proxy on a free port in front of an emulator, whose behaviour is scripted per request: rules
 * (a {@link RequestMatch}, a {@link Fault}, how many times) are tried in the order added; a request no rule takes
 * goes to the emulator unchanged. Point the client under test at {@link #endpoint()}. Plain JDK: no dependencies.
 *
 * <pre>{@code
 * proxy.inject(RequestMatch.kinesis("GetRecords"), 2, Fault.kinesisThroughputExceeded()); // the next 2 GetRecords
 * proxy.injectAlways(RequestMatch.http("PUT", "/bucket/"), Fault.s3SlowDown());
 * }</pre>
 */
public final class FaultInjectingProxy implements Emulator {

    private final HttpServer server;
    private final ExecutorService executor;
    private final UpstreamForwarder upstream;
    private final URI endpoint;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FaultInjectingProxy(URI upstreamEndpoint) throws IOException {
        upstream = new UpstreamForwarder(upstreamEndpoint);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static FaultInjectingProxy inFrontOf(URI upstreamEndpoint) {
        try {
            return new FaultInjectingProxy(upstreamEndpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fault-injecting proxy", e);
        }
    }

    public static FaultInjectingProxy inFrontOf(Emulator emulator) {
        return inFrontOf(emulator.endpoint());
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** Applies {@code fault} to the next {@code times} requests that match. */
    public FaultInjectingProxy inject(RequestMatch match, int times, Fault fault) {
        return injectAfter(match, 0, times, fault);
    }

    /**
     * Lets the next {@code skip} matching requests by (whatever other rules do with them), then applies {@code fault} to the {@code times} after
     * them, e.g. expire the iterator of the third GetRecords: {@code injectAfter(kinesis("GetRecords"), 2, 1, ...)}.
     */
    public FaultInjectingProxy injectAfter(RequestMatch match, int skip, int times, Fault fault) {
        if (skip < 0 || times < 1) {
            throw new IllegalArgumentException("need skip >= 0 and times >= 1, was " + skip + ", " + times);
        }
        rules.add(new Rule(match, fault, new AtomicInteger(skip), new AtomicInteger(times)));
        return this;
    }

    /** Applies {@code fault} to every matching request until {@link #clearFaults()}. */
    public FaultInjectingProxy injectAlways(RequestMatch match, Fault fault) {
        rules.add(new Rule(match, fault, new AtomicInteger(0), null));
        return this;
    }

    public void clearFaults() {
        rules.clear();
    }

    /** Every request seen so far, in arrival order. */
    public List<ProxiedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests matched {@code match} (answered by a fault or passed through). */
    public long count(RequestMatch match) {
        return requests.stream().filter(r -> r.matches(match)).count();
    }

    public long injectedCount() {
        return requests.stream().filter(ProxiedRequest::injected).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Fault fault = take(method, path, target);
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new ProxiedRequest(Instant.now(), method, path, target, fault, query));
            if (fault == null) {
                upstream.forward(exchange, body);
            } else if (fault.kind() == Fault.Kind.RESPOND) {
                respond(exchange, fault);
            }
            // DROP_CONNECTION: closing an exchange before any response header closes the TCP connection
        }
    }

    /** The first active rule that still has uses wins; every rule counts its skipped matches, whoever answers. */
    private synchronized Fault take(String method, String path, String target) {
        Fault chosen = null;
        for (Rule rule : rules) {
            if (rule.match().matches(method, path, target) && !rule.skipOne() && chosen == null && rule.claim()) {
                chosen = rule.fault();
            }
        }
        return chosen;
    }

    private static void respond(HttpExchange exchange, Fault fault) throws IOException {
        fault.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = fault.body();
        exchange.sendResponseHeaders(fault.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "FaultInjectingProxy[" + endpoint + " -> " + upstream + "]";
    }

    /** One scripted behaviour: let {@code toSkip} matches by, then fault {@code remaining} (null: unlimited). */
    private record Rule(RequestMatch match, Fault fault, AtomicInteger toSkip, AtomicInteger remaining) {

        boolean skipOne() {
            return toSkip.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }

        boolean claim() {
            return remaining == null || remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }
}
