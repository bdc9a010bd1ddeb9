package dev.pipesrecovery.archive.s3;

import dev.pipesrecovery.retry.BackoffPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of {@link S3ArchiveStore}.
 *
 * @param parallelism  concurrent writes in {@code putAllIfAbsent} (threads owned by the store)
 * @param listPageSize keys per ListObjectsV2 page, 1-1000 (the API maximum and default)
 * @param writeBackoff retries of a write on 5xx/SlowDown, 409 ConditionalRequestConflict and network errors
 */
public record S3ArchiveSettings(int parallelism, int listPageSize, BackoffPolicy writeBackoff) {

    public S3ArchiveSettings {
        Objects.requireNonNull(writeBackoff, "writeBackoff");
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException("parallelism must be 1-256, was " + parallelism);
        }
        if (listPageSize < 1 || listPageSize > 1000) {
            throw new IllegalArgumentException("listPageSize must be 1-1000, was " + listPageSize);
        }
    }

    public static S3ArchiveSettings defaults() {
        return new S3ArchiveSettings(16, 1000, new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 6));
    }

    public S3ArchiveSettings withParallelism(int value) {
        return new S3ArchiveSettings(value, listPageSize, writeBackoff);
    }

    public S3ArchiveSettings withListPageSize(int value) {
        return new S3ArchiveSettings(parallelism, value, writeBackoff);
    }

    public S3ArchiveSettings withWriteBackoff(BackoffPolicy value) {
        return new S3ArchiveSettings(parallelism, listPageSize, value);
    }
}
