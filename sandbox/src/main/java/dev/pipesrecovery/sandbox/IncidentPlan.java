package dev.pipesrecovery.sandbox;

/**
 * The scripted incident's size: events before the outage (delivered live), during it (dead-lettered, archived,
 * replayed) and after the replay (delivered live again), over {@code partitionKeys} keys on {@code shards} shards.
 */
public record IncidentPlan(
        int eventsBefore, int eventsDuringOutage, int eventsAfter, int partitionKeys, int shards, int paddingBytes) {

    public IncidentPlan {
        if (eventsBefore < 0 || eventsDuringOutage < 1 || eventsAfter < 0) {
            throw new IllegalArgumentException("need events before/after >= 0 and at least one during the outage");
        }
        if (partitionKeys < 1 || shards < 1 || paddingBytes < 0) {
            throw new IllegalArgumentException("need >= 1 partition key, >= 1 shard, padding >= 0");
        }
    }

    /** Thousands of events over 16 keys and 8 shards, 3,000 of them dead-lettered: the README's demo. */
    public static IncidentPlan demo() {
        return new IncidentPlan(1_500, 3_000, 700, 16, 8, 200);
    }

    /** The same story at test scale. */
    public static IncidentPlan small() {
        return new IncidentPlan(24, 32, 16, 8, 4, 50);
    }

    public int total() {
        return eventsBefore + eventsDuringOutage + eventsAfter;
    }
}
