package dev.pipesrecovery.report;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.ArchivedRecordCodec;
import dev.pipesrecovery.archive.InvalidArchivedRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the picked records' {@code failure.condition}, a few GETs at a time. An object that is gone or does not
 * decode gets a condition saying so: the report counts it rather than failing.
 */
final class ConditionReader {

    static final String UNREADABLE = "unreadable object";

    private final ArchiveStore store;
    private final int parallelism;

    ConditionReader(ArchiveStore store, int parallelism) {
        this.store = store;
        this.parallelism = parallelism;
    }

    void readAll(ConditionSample sample) throws InterruptedException {
        List<ConditionSample.Pick> picks = sample.picks();
        if (picks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, picks.size()), runnable -> {
            Thread thread = new Thread(runnable, "pipes-replay-report-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<String>> conditions = new ArrayList<>();
            for (ConditionSample.Pick pick : picks) {
                conditions.add(pool.submit(() -> condition(pick.key())));
            }
            for (int i = 0; i < picks.size(); i++) {
                sample.record(picks.get(i).key(), conditions.get(i).get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // an S3 error: reported like any other command's (ErrorHandler)
            }
            throw new IllegalStateException("reading a record for its condition failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private String condition(String key) {
        try {
            Optional<byte[]> body = store.get(key);
            return body.isEmpty()
                    ? UNREADABLE
                    : ArchivedRecordCodec.decode(body.get()).failure().condition();
        } catch (InvalidArchivedRecordException e) {
            return UNREADABLE;
        }
    }
}
