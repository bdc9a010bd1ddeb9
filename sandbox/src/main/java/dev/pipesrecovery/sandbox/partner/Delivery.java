package dev.pipesrecovery.sandbox.partner;

import java.time.Instant;
import java.util.Objects;

/**
 * One request the partner API received, whatever it answered.
 *
 * @param index          arrival order, from 0
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param eventId        the event's own id found in the body (see {@link EventIdentity}), or null
 * @param partitionKey   the event's key found in the body, or null
 * @param keySequence    the event's position among its key's events, or -1 when absent
 * @param userAgent      who sent it (EventBridge sends {@code Amazon/EventBridge/ApiDestinations})
 * @param status         what the partner API answered
 * @param firstApplication true when this 2xx delivery was the first for its event id (the partner applied it);
 *                         false for failures and for repeats the partner recognised and ignored
 * @param bodySha256       lowercase hex SHA-256 of the request body (to prove byte-exact replays; never the bytes)
 */
public record Delivery(
        long index,
        Instant receivedAt,
        String idempotencyKey,
        String eventId,
        String partitionKey,
        long keySequence,
        String userAgent,
        int status,
        boolean firstApplication,
        String bodySha256) {

    public Delivery {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(bodySha256, "bodySha256");
    }

    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
