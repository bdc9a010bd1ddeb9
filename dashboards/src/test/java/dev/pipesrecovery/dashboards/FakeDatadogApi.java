package dev.pipesrecovery.dashboards;

import com.datadog.api.client.v1.model.Dashboard;
import com.datadog.api.client.v1.model.Monitor;
import com.datadog.api.client.v2.model.LogsMetricCreateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the few Datadog API calls push.sh makes (list/create/update monitors and dashboards, create
 * log-based metrics). It
 * checks the API key headers and validates every body with the client models and the strict walk, answering 400 like
 * the real API would for a body it cannot take. While it answers a request (the client is still running), it also
 * looks at every process's arguments, as {@code ps} would, for the keys.
 */
final class FakeDatadogApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fresh per instance, so that no other process on the machine can hold the same text by chance. */
    private final String apiKey = "api" + UUID.randomUUID().toString().replace("-", "");

    private final String appKey = "app" + UUID.randomUUID().toString().replace("-", "");

    private final HttpServer server;
    private final Map<Long, JsonNode> monitors = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> dashboards = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> logMetrics = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(1000);
    private final List<List<String>> curlArguments = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> argumentsWithAKey = Collections.synchronizedList(new ArrayList<>());

    FakeDatadogApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/", this::handle);
        server.createContext("/api/v2/logs/config/metrics", this::handleLogMetrics);
        server.start();
    }

    String apiKey() {
        return apiKey;
    }

    String appKey() {
        return appKey;
    }

    /** The arguments of every curl process this JVM started, running while a request was answered. */
    List<List<String>> curlArguments() {
        return List.copyOf(curlArguments);
    }

    /** The arguments of every process, seen while a request was answered, that held either key. */
    List<List<String>> argumentsWithAKey() {
        return List.copyOf(argumentsWithAKey);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Map<Long, JsonNode> monitors() {
        return Map.copyOf(monitors);
    }

    Map<String, JsonNode> dashboards() {
        return Map.copyOf(dashboards);
    }

    Map<String, JsonNode> logMetrics() {
        return Map.copyOf(logMetrics);
    }

    /** "METHOD /path" of every request, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Records the request and who could see the keys; answers 403 and returns false when the keys are wrong. */
    private boolean accept(HttpExchange exchange) throws IOException {
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        // curl calls of the script this test started (another build's push.sh may be running beside it), but a
        // key in the arguments of any process on the machine
        for (List<String> arguments : ProcessArguments.ofDescendants()) {
            if (Path.of(arguments.get(0)).getFileName().toString().equals("curl")) {
                curlArguments.add(arguments);
            }
        }
        for (List<String> arguments : ProcessArguments.all()) {
            if (arguments.stream().anyMatch(a -> a.contains(apiKey) || a.contains(appKey))) {
                argumentsWithAKey.add(arguments);
            }
        }
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("DD-API-KEY"))
                || !appKey.equals(exchange.getRequestHeaders().getFirst("DD-APPLICATION-KEY"))) {
            respond(exchange, 403, "{\"errors\":[\"Forbidden\"]}");
            return false;
        }
        return true;
    }

    /** GET .../metrics/{id} (200 or 404) and POST .../metrics (409 when the id exists). */
    private void handleLogMetrics(HttpExchange exchange) throws IOException {
        if (!accept(exchange)) {
            return;
        }
        String id = exchange.getRequestURI()
                .getPath()
                .substring("/api/v2/logs/config/metrics".length())
                .replaceFirst("^/", "");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("GET") && !id.isEmpty()) {
            JsonNode metric = logMetrics.get(id);
            respond(
                    exchange,
                    metric == null ? 404 : 200,
                    metric == null ? "{\"errors\":[\"Not found\"]}" : metric.toString());
        } else if (exchange.getRequestMethod().equals("POST") && id.isEmpty()) {
            List<String> problems = StrictModelWalker.problems(body, LogsMetricCreateRequest.class);
            JsonNode metric = JSON.readTree(body);
            String metricId = metric.path("data").path("id").asText();
            if (!problems.isEmpty()) {
                respond(exchange, 400, JSON.writeValueAsString(Map.of("errors", problems)));
            } else if (logMetrics.putIfAbsent(metricId, metric) != null) {
                respond(exchange, 409, "{\"errors\":[\"Conflict\"]}");
            } else {
                respond(exchange, 200, metric.toString());
            }
        } else {
            respond(exchange, 405, "{\"errors\":[\"Method not allowed\"]}");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!accept(exchange)) {
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String[] parts = path.substring("/api/v1/".length()).split("/");
        boolean isMonitor = parts[0].equals("monitor");
        if (!isMonitor && !parts[0].equals("dashboard")) {
            respond(exchange, 404, "{\"errors\":[\"Not found\"]}");
        } else if (method.equals("GET") && parts.length == 1) {
            respond(
                    exchange,
                    200,
                    isMonitor ? listMonitors(exchange.getRequestURI().getRawQuery()) : listDashboards());
        } else if ((method.equals("POST") && parts.length == 1) || (method.equals("PUT") && parts.length == 2)) {
            Class<?> model = isMonitor ? Monitor.class : Dashboard.class;
            List<String> problems = StrictModelWalker.problems(body, model);
            if (!problems.isEmpty()) {
                respond(exchange, 400, JSON.writeValueAsString(Map.of("errors", problems)));
                return;
            }
            String id = parts.length == 2
                    ? parts[1]
                    : isMonitor ? String.valueOf(ids.incrementAndGet()) : "abc-" + ids.incrementAndGet();
            boolean known = isMonitor ? monitors.containsKey(Long.parseLong(id)) : dashboards.containsKey(id);
            if (parts.length == 2 && !known) {
                respond(exchange, 404, "{\"errors\":[\"Not found\"]}");
                return;
            }
            ObjectNode stored = (ObjectNode) JSON.readTree(body);
            if (isMonitor) {
                stored.put("id", Long.parseLong(id));
                monitors.put(Long.parseLong(id), stored);
            } else {
                stored.put("id", id);
                dashboards.put(id, stored);
            }
            respond(exchange, 200, stored.toString());
        } else {
            respond(exchange, 405, "{\"errors\":[\"Method not allowed\"]}");
        }
    }

    private String listMonitors(String rawQuery) {
        List<String> wanted = new ArrayList<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("monitor_tags") && kv.length == 2) {
                    wanted.addAll(Arrays.asList(
                            URLDecoder.decode(kv[1], StandardCharsets.UTF_8).split(",")));
                }
            }
        }
        ArrayNode list = JSON.createArrayNode();
        monitors.values().stream()
                .filter(m -> {
                    List<String> tags = new ArrayList<>();
                    m.path("tags").forEach(t -> tags.add(t.asText()));
                    return tags.containsAll(wanted);
                })
                .forEach(list::add);
        return list.toString();
    }

    private String listDashboards() {
        ArrayNode list = JSON.createArrayNode();
        dashboards.forEach((id, d) ->
                list.addObject().put("id", id).put("title", d.path("title").asText()));
        ObjectNode response = JSON.createObjectNode();
        response.set("dashboards", list);
        return response.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
