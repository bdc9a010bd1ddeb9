package dev.pipesrecovery.archive;

import java.util.Objects;

/** One conditional write: a key and its body ({@code application/json}). {@code body} is not copied. */
public record ArchiveWrite(String key, byte[] body) {

    public ArchiveWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "ArchiveWrite[" + key + ", " + body.length + " bytes]";
    }
}
