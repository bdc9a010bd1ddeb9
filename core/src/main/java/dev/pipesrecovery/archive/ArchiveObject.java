package dev.pipesrecovery.archive;

import java.time.Instant;
import java.util.Objects;

/** An entry of an archive listing. */
public record ArchiveObject(String key, long size, Instant lastModified) {

    public ArchiveObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
