package dev.pipesrecovery.sandbox.partner;

import dev.pipesrecovery.testkit.PartnerApi;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The partner's HTTP API behind the pipe's API destination, as a rehearsal needs it: testkit's {@link PartnerApi} (a
 * real local HTTP server, {@code http://127.0.0.1:<port>/events}, any path accepted) answering by a
 * {@link PartnerBehaviour} that can be switched at any time (healthy, down, slow, rate limiting, rejecting), and
 * recording every request in a {@link DeliveryLog} that applies each event once, as an idempotent API does.
 */
public final class PartnerStandIn implements AutoCloseable {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final byte[] OK = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

    private final DeliveryLog log = new DeliveryLog();
    private final AtomicReference<PartnerBehaviour> behaviour = new AtomicReference<>(PartnerBehaviour.healthy());
    private final Set<String> rejectedEventIds = ConcurrentHashMap.newKeySet();
    private final PartnerApi server;

    private PartnerStandIn(int port) throws IOException {
        // the fields the answers use are set above, before the server takes its first request
        this.server = PartnerApi.start(port, this::answer);
    }

    /** Starts on a free port of 127.0.0.1 (or {@code port} when not 0), healthy. */
    public static PartnerStandIn start(int port) throws IOException {
        return new PartnerStandIn(port);
    }

    public URI url() {
        return URI.create(server.url("/events"));
    }

    public int port() {
        return server.port();
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

    private PartnerApi.Answer answer(PartnerApi.Request request) {
        PartnerBehaviour now = behaviour.get();
        if (now.mode() == PartnerBehaviour.Mode.SLOW) {
            sleep(now);
        }
        EventIdentity identity = EventIdentity.find(request.body());
        int status = identity.eventId() != null && rejectedEventIds.contains(identity.eventId()) ? 400 : now.status();
        log.record(
                identity,
                request.header(IDEMPOTENCY_KEY_HEADER),
                request.header("User-Agent"),
                status,
                sha256(request.body()));
        Map<String, String> headers = status == 429
                ? Map.of(
                        "Content-Type",
                        "application/json",
                        "Retry-After",
                        Long.toString((now.retryAfter().toMillis() + 999) / 1000))
                : Map.of("Content-Type", "application/json");
        byte[] body = status == 200
                ? OK
                : ("{\"status\":\"error\",\"code\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        return new PartnerApi.Answer(status, headers, body);
    }

    /** Lowercase hex SHA-256, how tests compare replayed bytes with produced ones. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
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
        server.close();
    }
}
