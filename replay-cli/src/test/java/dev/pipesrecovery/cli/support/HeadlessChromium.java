package dev.pipesrecovery.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the Chrome DevTools Protocol
 * ({@link DevToolsSession}): open a page, collect what the browser reports (console errors, uncaught exceptions, log
 * entries such as CSP violations, every network request), evaluate an expression, take a full-page screenshot. One
 * page per instance; {@link #close()} ends the browser and every process it started.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final ObjectMapper JSON = DevToolsSession.JSON;
    private static final Duration TIMEOUT = DevToolsSession.TIMEOUT;

    private final Process process;
    private final Path profile;
    private final DevToolsSession page;

    private HeadlessChromium(Process process, Path profile, DevToolsSession page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** Starts Chromium with a fresh, empty profile; fails with how to install it when it is missing. */
    public static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("pipes-replay-chromium-");
        String binary = System.getenv().getOrDefault("CHROMIUM", "chromium");
        Process process;
        try {
            // The flags that work on this project's machines: no sandbox as root, no GPU, and no background
            // connections (the network is closed and Chromium would retry them at every start).
            process = new ProcessBuilder(
                            binary,
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--user-data-dir=" + profile,
                            "--remote-debugging-port=0",
                            "--hide-scrollbars",
                            "about:blank")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            deleteTree(profile);
            throw new AssertionError(
                    "Chromium is required for the report's browser test: apt-get install chromium "
                            + "(README Prerequisites; .ci/run installs it), or set CHROMIUM to its path",
                    e);
        }
        try {
            URI browser = URI.create(devToolsUrl(process));
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            String pageUrl = null;
            for (JsonNode target : targets) {
                if (target.path("type").asText().equals("page")) {
                    pageUrl = target.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageUrl == null) {
                throw new AssertionError("Chromium opened no page: " + targets);
            }
            DevToolsSession page = DevToolsSession.connect(http, URI.create(pageUrl));
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                page.send(domain + ".enable", JSON.createObjectNode());
            }
            return new HeadlessChromium(process, profile, page);
        } catch (AssertionError e) {
            destroy(process, profile);
            throw e;
        } catch (Exception e) {
            destroy(process, profile);
            throw new AssertionError("cannot drive Chromium: " + e, e);
        }
    }

    /** Opens {@code url} in a {@code width} x {@code height} viewport and waits for its load event. */
    public void open(String url, int width, int height) throws InterruptedException {
        page.send(
                "Emulation.setDeviceMetricsOverride",
                JSON.createObjectNode()
                        .put("width", width)
                        .put("height", height)
                        .put("deviceScaleFactor", 1)
                        .put("mobile", false));
        CompletableFuture<Void> loaded = page.next("Page.loadEventFired");
        page.send("Page.navigate", JSON.createObjectNode().put("url", url));
        try {
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the page did not finish loading in " + TIMEOUT + ": " + url, e);
        }
    }

    /** The value of a JavaScript expression evaluated in the page (run by the test, not by the page). */
    public JsonNode evaluate(String expression) throws InterruptedException {
        JsonNode result = page.send(
                "Runtime.evaluate",
                JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + " threw " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page, written to {@code file}. */
    public void screenshot(Path file) throws InterruptedException, IOException {
        JsonNode shot = page.send(
                "Page.captureScreenshot",
                JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** Console errors, uncaught exceptions and error log entries (CSP violations among them), as text. */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (JsonNode event : page.events()) {
            JsonNode params = event.path("params");
            switch (event.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    if (params.path("type").asText().equals("error")) {
                        errors.add("console.error: " + params.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    if (params.path("entry").path("level").asText().equals("error")) {
                        errors.add("log: " + params.path("entry").path("text").asText());
                    }
                }
                default -> {}
            }
        }
        return errors;
    }

    /** The URL of every request the page made (the page itself included). */
    public List<String> requests() {
        return page.events().stream()
                .filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
                .map(e -> e.path("params").path("request").path("url").asText())
                .toList();
    }

    private static String devToolsUrl(Process process) throws IOException {
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = stderr.readLine()) != null; ) {
            Matcher matcher = DEVTOOLS.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> stderr.lines().forEach(l -> {}), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("Chromium ended before its DevTools endpoint was up; it printed:\n" + seen);
    }

    /** Ends the browser and every process it started, then removes its profile (links are removed, not followed). */
    private static void destroy(Process process, Path profile) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover temp profile is harmless; the test's result does not depend on it
        }
    }

    @Override
    public void close() {
        page.close();
        destroy(process, profile);
    }
}
