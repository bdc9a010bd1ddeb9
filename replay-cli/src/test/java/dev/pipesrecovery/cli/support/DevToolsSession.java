package dev.pipesrecovery.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Chrome DevTools Protocol connection to a page target, over the JDK's WebSocket client
 * (https://chromedevtools.github.io/devtools-protocol/): commands wait for their answer, events are kept in order.
 */
final class DevToolsSession implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile WebSocket socket;

    private DevToolsSession() {}

    static DevToolsSession connect(HttpClient http, URI pageWebSocket) throws Exception {
        DevToolsSession session = new DevToolsSession();
        session.socket = http.newWebSocketBuilder()
                .buildAsync(pageWebSocket, session.listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return session;
    }

    /** Sends a command and returns its {@code result}; a protocol error or no answer fails the test. */
    JsonNode send(String method, ObjectNode params) throws InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true);
        try {
            JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new AssertionError(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(method + " got no answer in " + TIMEOUT, e);
        }
    }

    /** A future completed by the first event named {@code method} from now on. */
    CompletableFuture<Void> next(String method) {
        return awaited.computeIfAbsent(method, m -> new CompletableFuture<>());
    }

    /** Every event received so far, in order. */
    List<JsonNode> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private WebSocket.Listener listener() {
        StringBuilder partial = new StringBuilder();
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    receive(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer =
                        pending.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
                return;
            }
            events.add(message);
            CompletableFuture<Void> waiting =
                    awaited.remove(message.path("method").asText());
            if (waiting != null) {
                waiting.complete(null);
            }
        } catch (IOException e) {
            events.add(JSON.createObjectNode().put("method", "unparseable").put("text", text));
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
