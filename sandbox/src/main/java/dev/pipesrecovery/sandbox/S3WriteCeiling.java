package dev.pipesrecovery.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The most the S3 emulator accepts: the hydrate function's writes again (the same keys, bodies of the same average
 * size, conditional {@code If-None-Match: *} PutObjects) into a fresh bucket on {@code threads} threads, with
 * nothing else around them.
 */
final class S3WriteCeiling {

    private S3WriteCeiling() {}

    /** @return objects per second */
    static double measure(S3Client s3, String bucket, List<String> keys, int bytes, int threads) throws Exception {
        s3.createBucket(r -> r.bucket(bucket));
        byte[] body = new byte[bytes];
        java.util.Arrays.fill(body, (byte) 'x');
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> writes = new ArrayList<>(keys.size());
            for (String key : keys) {
                writes.add(pool.submit(() -> s3.putObject(
                        r -> r.bucket(bucket).key(key).ifNoneMatch("*").contentType("application/json"),
                        RequestBody.fromBytes(body))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            return keys.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
