package dev.pipesrecovery.replay.selection;

import dev.pipesrecovery.archive.ArchiveKey;
import dev.pipesrecovery.archive.ArchiveObject;
import java.util.Map;
import java.util.Objects;

/**
 * One object of a selection's listing: an archived record (with its parsed key), a loss marker, or a key that does
 * not follow the layout (reported, never replayed). {@code tags} is null when they were not read.
 */
public record ListedObject(ArchiveObject object, Kind kind, ArchiveKey key, Map<String, String> tags, String problem) {

    /** WIDE_RANGE_NOTICE: a DLQ range held more records than its batch (core {@code WideRangeNotice}). */
    public enum Kind {
        RECORD,
        LOSS_MARKER,
        WIDE_RANGE_NOTICE,
        UNRECOGNIZED
    }

    public ListedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.RECORD && key == null) {
            throw new IllegalArgumentException("a record needs its parsed key");
        }
    }

    public String s3Key() {
        return object.key();
    }

    public ListedObject withTags(Map<String, String> newTags) {
        return new ListedObject(object, kind, key, Map.copyOf(newTags), problem);
    }
}
