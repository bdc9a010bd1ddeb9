package dev.pipesrecovery.archive.s3;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.StoredObject;
import dev.pipesrecovery.archive.WriteOutcome;
import dev.pipesrecovery.archive.WriteResult;
import dev.pipesrecovery.aws.AwsFailure;
import dev.pipesrecovery.aws.SdkRetries;
import dev.pipesrecovery.retry.Retrier;
import dev.pipesrecovery.retry.RetryListener;
import dev.pipesrecovery.retry.Sleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The archive in one S3 bucket. Writes are conditional ({@code If-None-Match: *}: a 412 means already archived, so
 * writing a record twice is harmless) and retried on transient errors with the core backoff, SDK retries off for them
 * so attempts do not multiply; reads rely on the client's own (explicit) SDK retries. Owns a thread pool for
 * {@link #putAllIfAbsent}: {@link #close()} it. Thread-safe.
 */
public final class S3ArchiveStore implements ArchiveStore, AutoCloseable {

    private static final String JSON = "application/json";

    private final S3Client s3;
    private final String bucket;
    private final S3ArchiveSettings settings;
    private final Retrier retry;
    private final ExecutorService writers;

    public S3ArchiveStore(
            S3Client s3, String bucket, S3ArchiveSettings settings, Sleeper sleeper, DoubleSupplier random) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException(
                    "bucket must be a bucket name (no s3:// or /prefix), was '" + bucket + "'");
        }
        this.retry = new Retrier(settings.writeBackoff(), sleeper, random, RetryListener.NONE);
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(settings.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "s3-archive-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Default settings and real sleeps. */
    public static S3ArchiveStore create(S3Client s3, String bucket) {
        return new S3ArchiveStore(
                s3,
                bucket,
                S3ArchiveSettings.defaults(),
                Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public WriteOutcome putIfAbsent(ArchiveWrite write) {
        try {
            return retry.call(() -> attemptPut(write), AwsFailure::isTransient);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ArchiveException("interrupted writing s3://" + bucket + "/" + write.key(), e);
            }
            throw new ArchiveException(
                    "PutObject s3://" + bucket + "/" + write.key() + " failed"
                            + (AwsFailure.isTransient(e)
                                    ? " after " + settings.writeBackoff().maxAttempts() + " attempts"
                                    : "")
                            + ": " + AwsFailure.describe(e),
                    e);
        }
    }

    @Override
    public Optional<String> putIfUnchanged(ArchiveWrite write, String expectedETag) {
        try {
            // no SDK or domain retry: a retried write that had succeeded would read as lost to another writer
            return Optional.of(s3.putObject(
                            b -> {
                                b.bucket(bucket)
                                        .key(write.key())
                                        .contentType(JSON)
                                        .overrideConfiguration(SdkRetries.none());
                                if (expectedETag == null) {
                                    b.ifNoneMatch("*");
                                } else {
                                    b.ifMatch(expectedETag);
                                }
                            },
                            RequestBody.fromBytes(write.body()))
                    .eTag());
        } catch (RuntimeException e) {
            // 412: the condition failed; 409 ConditionalRequestConflict: a concurrent write to the key won
            if (isPreconditionFailed(e) || (e instanceof S3Exception s3e && s3e.statusCode() == 409)) {
                return Optional.empty();
            }
            throw new ArchiveException(
                    "PutObject (conditional) s3://" + bucket + "/" + write.key() + " failed: " + AwsFailure.describe(e),
                    e);
        }
    }

    /**
     * {@code If-None-Match: *} on a key that exists
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
     */
    private static boolean isPreconditionFailed(RuntimeException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 412;
    }

    private WriteOutcome attemptPut(ArchiveWrite write) {
        try {
            s3.putObject(
                    b -> b.bucket(bucket)
                            .key(write.key())
                            .ifNoneMatch("*")
                            .contentType(JSON)
                            .overrideConfiguration(SdkRetries.none()),
                    RequestBody.fromBytes(write.body()));
            return WriteOutcome.CREATED;
        } catch (RuntimeException e) {
            if (isPreconditionFailed(e)) {
                return WriteOutcome.ALREADY_EXISTS;
            }
            throw e;
        }
    }

    @Override
    public List<WriteResult> putAllIfAbsent(List<ArchiveWrite> writes) {
        List<Future<WriteResult>> pending = new ArrayList<>(writes.size());
        for (ArchiveWrite write : writes) {
            pending.add(writers.submit(() -> {
                try {
                    return WriteResult.of(write, putIfAbsent(write));
                } catch (RuntimeException e) {
                    return WriteResult.failed(write, e);
                }
            }));
        }
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            results.add(await(writes.get(i), pending.get(i)));
        }
        return results;
    }

    private static WriteResult await(ArchiveWrite write, Future<WriteResult> pending) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return WriteResult.failed(write, new ArchiveException("interrupted before the write finished", e));
        } catch (ExecutionException e) {
            return WriteResult.failed(write, new ArchiveException("write failed: " + e.getCause(), e.getCause()));
        }
    }

    @Override
    public Stream<ArchiveObject> list(String keyPrefix) {
        return list(keyPrefix, null);
    }

    /** @param startAfter null to list from the prefix's first key */
    @Override
    public Stream<ArchiveObject> list(String keyPrefix, String startAfter) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        // The paginator fetches the next page only when the stream reaches it: flat memory for any listing size.
        Stream<ArchiveObject> objects = s3
                .listObjectsV2Paginator(b -> b.bucket(bucket)
                        .prefix(keyPrefix)
                        .startAfter(startAfter)
                        .maxKeys(settings.listPageSize()))
                .contents()
                .stream()
                .map(o -> new ArchiveObject(o.key(), o.size(), o.lastModified()));
        return ListingFailures.translate(objects, "ListObjectsV2 s3://" + bucket + "/" + keyPrefix);
    }

    /**
     * ListObjectsV2 with {@code Delimiter=/}: S3 rolls every key below the next '/' into one CommonPrefix
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-prefixes.html).
     */
    @Override
    public Stream<String> listFolders(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Stream<String> folders = s3
                .listObjectsV2Paginator(
                        b -> b.bucket(bucket).prefix(keyPrefix).delimiter("/").maxKeys(settings.listPageSize()))
                .commonPrefixes()
                .stream()
                .map(CommonPrefix::prefix);
        return ListingFailures.translate(folders, "ListObjectsV2 (delimiter /) s3://" + bucket + "/" + keyPrefix);
    }

    @Override
    public Optional<StoredObject> read(String key) {
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            Integer tagCount = object.response().tagCount(); // x-amz-tagging-count: absent when there are none
            return Optional.of(new StoredObject(
                    object.asByteArrayUnsafe(),
                    tagCount == null ? 0 : tagCount,
                    object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new ArchiveException(
                    "GetObject s3://" + bucket + "/" + key + " failed: " + AwsFailure.describe(e), e);
        }
    }

    @Override
    public Map<String, String> tags(String key) {
        return S3Tagging.get(s3, bucket, key);
    }

    @Override
    public void putTags(String key, Map<String, String> tags) {
        S3Tagging.put(s3, bucket, key, tags);
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new ArchiveException(
                    "DeleteObject s3://" + bucket + "/" + key + " failed: " + AwsFailure.describe(e), e);
        }
    }

    /** Waits for writes in flight, then stops the writer threads. Does not close the S3 client (the caller owns it). */
    @Override
    public void close() {
        writers.shutdown();
        try {
            if (!writers.awaitTermination(60, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            writers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
