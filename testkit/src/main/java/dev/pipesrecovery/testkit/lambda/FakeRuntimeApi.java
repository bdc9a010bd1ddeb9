package dev.pipesrecovery.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) on the JDK HTTP server:
 * {@code /invocation/next} hands out queued events with the real headers, {@code /response}, {@code /error} and
 * {@code /init/error} complete them. Lets the real runtime interface client run the packaged function locally.
 */
public final class FakeRuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    /** What the function answered for one invocation. */
    public record Answer(boolean error, String body, long receivedAtNanos) {}

    private final HttpServer server;
    private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final String functionArn;

    /** A Runtime API for the function {@code pipes-recovery-hydrate}. */
    public FakeRuntimeApi() throws IOException {
        this("pipes-recovery-hydrate");
    }

    /** @param functionName what {@code Lambda-Runtime-Invoked-Function-Arn} names */
    public FakeRuntimeApi(String functionName) throws IOException {
        functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BASE + "/invocation/next", this::next);
        server.createContext(BASE + "/invocation/", this::answer);
        server.createContext(BASE + "/init/error", exchange -> {
            initError.complete(read(exchange));
            respond(exchange, 202, "{}");
        });
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an invocation with {@code timeout} until its deadline; returns its request id. */
    public String invoke(String eventJson, Duration timeout) {
        String requestId = UUID.randomUUID().toString();
        answers.put(requestId, new CompletableFuture<>());
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        events.add(new String[] {requestId, eventJson, Long.toString(deadline)});
        return requestId;
    }

    /** @throws IllegalStateException with the function's init error if initialisation failed instead */
    public Answer awaitAnswer(String requestId, Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<Answer> answer = answers.get(requestId);
        try {
            Object first = CompletableFuture.anyOf(answer, initError).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first instanceof String error) {
                throw new IllegalStateException("the function failed to initialise: " + error);
            }
            return (Answer) first;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        String[] event;
        try {
            event = events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", event[0]);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", event[2]);
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, event[1]);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring((BASE + "/invocation/").length());
        int slash = path.indexOf('/');
        String requestId = slash < 0 ? path : path.substring(0, slash);
        String kind = slash < 0 ? "" : path.substring(slash + 1);
        String body = read(exchange);
        CompletableFuture<Answer> answer = answers.get(requestId);
        if (answer == null || !(kind.equals("response") || kind.equals("error"))) {
            respond(exchange, 404, "{\"errorMessage\":\"unknown invocation\"}");
            return;
        }
        answer.complete(new Answer(kind.equals("error"), body, System.nanoTime()));
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
