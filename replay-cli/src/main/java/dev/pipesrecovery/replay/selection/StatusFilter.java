package dev.pipesrecovery.replay.selection;

import java.util.Map;

/**
 * {@code --status}: which archived objects a command selects, judged by the object's replay tags
 * ({@link ReplayTags}). Only {@link #ALL} avoids reading tags (one GetObjectTagging call per object).
 */
public enum StatusFilter {
    /** Not delivered yet: never replayed, or an earlier run could not deliver it (replay's default). */
    PENDING,
    /** Not touched by a replay yet (no {@code pipes-replay:status} tag). */
    ARCHIVED,
    /** Delivered by an earlier run. */
    REPLAYED,
    /** An earlier run could not deliver it. */
    FAILED,
    /** Everything; tags are not read. */
    ALL;

    public boolean needsTags() {
        return this != ALL;
    }

    public boolean matches(Map<String, String> tags) {
        String status = tags.get(ReplayTags.STATUS);
        return switch (this) {
            case ALL -> true;
            case PENDING -> !ReplayTags.REPLAYED.equals(status);
            case ARCHIVED -> status == null;
            case REPLAYED -> ReplayTags.REPLAYED.equals(status);
            case FAILED -> ReplayTags.FAILED.equals(status);
        };
    }

    /** Whether an object with these tags still waits for a delivery (so a later record of its key must too). */
    public static boolean undelivered(Map<String, String> tags) {
        return PENDING.matches(tags);
    }
}
