package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.sandbox.partner.Delivery;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proof at the end of a rehearsal: what was produced against what the partner API applied, and what the
 * recovery path did in between. Computed from the partner API's own delivery log, not from any component's counts
 * of itself.
 *
 * @param failed             records the pipe dead-lettered
 * @param archived           archive objects of the consumer (one per record)
 * @param lost               records the loss markers name
 * @param replayed           deliveries the partner accepted during the replay
 * @param deliveredOnce      produced events the partner accepted exactly once
 * @param missing            produced events the partner never accepted
 * @param outOfOrder         accepted events that arrived after a later event of the same partition key
 * @param duplicates         accepted deliveries of an event the partner had already accepted
 * @param unidentified       accepted deliveries that carry no known event id
 */
public record Verification(
        long produced,
        long failed,
        long archived,
        long lost,
        long replayed,
        long deliveredOnce,
        long missing,
        long outOfOrder,
        long duplicates,
        long unidentified) {

    /** Everything produced arrived exactly once, in order per key, and every failure was archived and replayed. */
    public boolean passed() {
        return deliveredOnce == produced
                && missing == 0
                && outOfOrder == 0
                && duplicates == 0
                && unidentified == 0
                && archived == failed - lost
                && replayed == archived
                && lost == 0;
    }

    /**
     * @param deliveries the partner's whole log; only accepted deliveries count
     * @param replayFrom index of the first delivery of the replay phase
     * @param replayTo   index after the last delivery of the replay phase
     */
    public static Verification of(
            List<ProducedEvent> produced,
            List<Delivery> deliveries,
            long failed,
            long archived,
            long lost,
            long replayFrom,
            long replayTo) {
        Map<String, ProducedEvent> byId = new HashMap<>();
        produced.forEach(e -> byId.put(e.eventId(), e));
        Map<String, Integer> acceptedTimes = new HashMap<>();
        Map<String, BigInteger> lastSequenceByKey = new HashMap<>();
        long outOfOrder = 0;
        long duplicates = 0;
        long unidentified = 0;
        long replayed = 0;
        for (Delivery delivery : deliveries) {
            if (!delivery.accepted()) {
                continue;
            }
            if (delivery.index() >= replayFrom && delivery.index() < replayTo) {
                replayed++;
            }
            ProducedEvent event = delivery.eventId() == null ? null : byId.get(delivery.eventId());
            if (event == null) {
                unidentified++;
                continue;
            }
            if (acceptedTimes.merge(event.eventId(), 1, Integer::sum) > 1) {
                duplicates++;
                continue;
            }
            // events of one key share a shard, so their sequence numbers give the stream's order
            BigInteger sequence = new BigInteger(event.sequenceNumber());
            BigInteger last = lastSequenceByKey.get(event.partitionKey());
            if (last != null && sequence.compareTo(last) < 0) {
                outOfOrder++;
            } else {
                lastSequenceByKey.put(event.partitionKey(), sequence);
            }
        }
        Set<String> once = new HashSet<>();
        acceptedTimes.forEach((id, times) -> {
            if (times == 1) {
                once.add(id);
            }
        });
        long missing = produced.stream()
                .filter(e -> !acceptedTimes.containsKey(e.eventId()))
                .count();
        return new Verification(
                produced.size(),
                failed,
                archived,
                lost,
                replayed,
                once.size(),
                missing,
                outOfOrder,
                duplicates,
                unidentified);
    }

    /** The table the demo ends with. */
    public String table() {
        StringBuilder out = new StringBuilder();
        String rule = "+--------------------------------+------------+--------------------+\n";
        out.append(rule)
                .append(String.format("| %-30s | %10s | %-18s |%n", "check", "count", "expected"))
                .append(rule);
        row(out, "events produced", produced, "");
        row(out, "failed (dead-lettered by pipe)", failed, "");
        row(out, "archived by hydrate", archived, "= failed - lost");
        row(out, "lost (loss markers)", lost, "0");
        row(out, "replayed by pipes-replay", replayed, "= archived");
        row(out, "delivered exactly once", deliveredOnce, "= produced");
        row(out, "never delivered", missing, "0");
        row(out, "out of order (per key)", outOfOrder, "0");
        row(out, "duplicates", duplicates, "0");
        row(out, "unidentified deliveries", unidentified, "0");
        out.append(rule)
                .append(
                        passed()
                                ? "VERIFIED: every event arrived exactly once, in order per key\n"
                                : "NOT VERIFIED: see the rows that differ from what is expected\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String name, long value, String expected) {
        out.append(String.format("| %-30s | %10d | %-18s |%n", name, value, expected));
    }
}
