package dev.pipesrecovery.cli.bench;

import dev.pipesrecovery.archive.ArchiveStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The two ceilings a replay is read against: the sink alone and the archive alone, at the same concurrency. */
final class Ceilings {

    private Ceilings() {
    }

    /** Events/s of a plain POST loop of {@code body} to the sink (the same JDK HTTP client the CLI uses). */
    static double sinkAlone(String url, byte[] body, int events, int threads) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").build();
        return run(events, threads, i -> {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("sink answered " + response.statusCode());
            }
        });
    }

    /** Events/s of GETs only, over the archived keys. */
    static double archiveAlone(ArchiveStore store, List<String> keys, int threads) throws Exception {
        return run(keys.size(), threads, i -> store.get(keys.get(i)).orElseThrow());
    }

    interface Step {
        void run(int index) throws Exception;
    }

    private static double run(int events, int threads, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<Object>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                        step.run(i);
                    }
                    return null;
                }));
            }
            for (Future<Object> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }
}
