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

    private Ceilings() {}

    /** Events/s of a plain POST loop of {@code body} to the sink (the same JDK HTTP client the CLI uses). */
    static double sinkAlone(String url, byte[] body, int events, int threads) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .build();
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

    /** Events/s of a GET then a tag write per key: the least the default replay path asks of the archive. */
    static double archiveGetAndTag(ArchiveStore store, List<String> keys, int threads) throws Exception {
        java.util.Map<String, String> tag = java.util.Map.of("bench", "ceiling");
        return run(keys.size(), threads, i -> {
            store.read(keys.get(i)).orElseThrow();
            store.putTags(keys.get(i), tag);
        });
    }

    /**
     * Events/s of what a replay minimally asks of the archive: the listing (page by page) feeding GETs at the same
     * concurrency. On an emulator whose listing is expensive this is the honest archive ceiling.
     */
    static double archiveListAndGet(ArchiveStore store, String prefix, int events, int threads) throws Exception {
        java.util.concurrent.BlockingQueue<String> keys = new java.util.concurrent.ArrayBlockingQueue<>(1024);
        String end = "";
        Thread lister = new Thread(() -> {
            try (java.util.stream.Stream<dev.pipesrecovery.archive.ArchiveObject> listing = store.list(prefix)) {
                for (var it = listing.iterator(); it.hasNext(); ) {
                    keys.put(it.next().key());
                }
                for (int t = 0; t < threads; t++) {
                    keys.put(end);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long started = System.nanoTime();
        lister.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (String key = keys.take(); !key.isEmpty(); key = keys.take()) {
                        store.get(key).orElseThrow();
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
        lister.join();
        return events / ((System.nanoTime() - started) / 1e9);
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
