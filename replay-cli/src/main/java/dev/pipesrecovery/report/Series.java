package dev.pipesrecovery.report;

import java.util.Objects;

/**
 * One stack of the timeline: records dead-lettered and archived with a condition, or lost (not archived) with the
 * condition of their DLQ message. Condition names come from the archive (producer-adjacent data): render them escaped.
 */
public record Series(String condition, boolean lost) implements Comparable<Series> {

    /** The condition of records whose body was not read (over the read budget, or {@code --max-reads 0}). */
    public static final String NOT_READ = "condition not read";

    public Series {
        Objects.requireNonNull(condition, "condition");
    }

    public String label() {
        return lost ? "lost: " + condition : condition;
    }

    /** Archived before lost; then by condition name. */
    @Override
    public int compareTo(Series other) {
        return lost != other.lost ? Boolean.compare(lost, other.lost) : condition.compareTo(other.condition);
    }
}
