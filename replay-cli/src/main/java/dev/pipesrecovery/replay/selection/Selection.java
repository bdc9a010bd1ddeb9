package dev.pipesrecovery.replay.selection;

import java.time.Instant;
import java.util.Objects;

/**
 * What a command works on: one consumer (or all), an inclusive arrival-time window, optionally one partition key,
 * and a status. {@code from}/{@code to} are null when open.
 */
public record Selection(String consumer, Instant from, Instant to, String partitionKey, StatusFilter status) {

    public Selection {
        Objects.requireNonNull(status, "status");
        if (partitionKey != null && consumer == null) {
            throw new IllegalArgumentException("--partition-key needs --consumer");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    public boolean contains(Instant arrival) {
        return (from == null || !arrival.isBefore(from)) && (to == null || !arrival.isAfter(to));
    }

    /** A stable text form, part of a replay's run identity. */
    public String canonical() {
        return "consumer=" + consumer + "|from=" + from + "|to=" + to + "|partitionKey=" + partitionKey + "|status="
                + status;
    }
}
