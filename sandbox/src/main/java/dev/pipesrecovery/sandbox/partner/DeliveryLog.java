package dev.pipesrecovery.sandbox.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every request the partner API received, in arrival order, and which events it applied. Like a real idempotent API
 * it applies an event once: a repeat of an event id it already accepted is answered {@code 200} and recorded with
 * {@code firstApplication=false}, so the verification can count duplicates the senders produced.
 */
public final class DeliveryLog {

    private final List<Delivery> deliveries = new ArrayList<>();
    private final Set<String> applied = new HashSet<>();

    synchronized Delivery record(
            EventIdentity identity, String idempotencyKey, String userAgent, int status, String bodySha256) {
        boolean accepted = status >= 200 && status < 300;
        String dedupKey = identity.eventId() != null ? identity.eventId() : idempotencyKey;
        boolean first = accepted && dedupKey != null && applied.add(dedupKey);
        Delivery delivery = new Delivery(
                deliveries.size(),
                Instant.now(),
                idempotencyKey,
                identity.eventId(),
                identity.partitionKey(),
                identity.keySequence(),
                userAgent,
                status,
                first,
                bodySha256);
        deliveries.add(delivery);
        return delivery;
    }

    /** A copy of every delivery so far, in arrival order. */
    public synchronized List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    /** Deliveries from {@code fromIndex} (inclusive) on: what arrived during one phase. */
    public synchronized List<Delivery> since(long fromIndex) {
        return List.copyOf(deliveries.subList((int) Math.min(fromIndex, deliveries.size()), deliveries.size()));
    }

    public synchronized long size() {
        return deliveries.size();
    }

    public synchronized long acceptedCount() {
        return deliveries.stream().filter(Delivery::accepted).count();
    }

    public synchronized int appliedCount() {
        return applied.size();
    }
}
