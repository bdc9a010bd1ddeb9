package dev.pipesrecovery.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The most the S3 emulator accepts: {@code count} conditional PutObjects ({@code If-None-Match: *}, like the
 * hydrate function's) of {@code bytes} each on {@code threads} threads, with nothing else around them.
 */
final class S3WriteCeiling {

    private S3WriteCeiling() {
    }

    /** @return objects per second */
    static double measure(S3Client s3, String bucket, int count, int bytes, int threads) throws Exception {
        s3.createBucket(r -> r.bucket(bucket));
        byte[] body = new byte[bytes];
        java.util.Arrays.fill(body, (byte) 'x');
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> writes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String key = "ceiling/" + i + ".json";
                writes.add(pool.submit(() -> s3.putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*")
                        .contentType("application/json"), RequestBody.fromBytes(body))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
