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

/**
 * The ceilings a replay is read against, each at the replay's concurrency: the sink alone, the archive alone, and
 * both in turn (a GET then a POST of its body per record, per thread) — what an engine that only reads and sends,
 * with no journal, no decoding and no ordering, reaches on the same machine: the honest "cannot beat this" figure.
 */
final class Ceilings {

    /** A ceiling: events/s, and the CPU time this JVM (clients and servers both) spent per event. */
    record Rate(double perSecond, double cpuMicrosPerEvent) {}

    private Ceilings() {}

    /** Events/s of a plain POST loop of {@code body} to the sink (the same JDK HTTP client the CLI uses). */
    static Rate sinkAlone(String url, byte[] body, int events, int threads) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .build();
        return run(events, threads, i -> post(client, request));
    }

    /**
     * Events/s of a GET of each archived key then a POST of the fetched body to the sink, in one thread per lane, with
     * the same clients as the replay (the SDK's S3 client, the JDK HTTP client).
     */
    static Rate getThenPost(ArchiveStore store, List<String> keys, String url, int threads) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return run(keys.size(), threads, i -> {
            byte[] body = store.get(keys.get(i)).orElseThrow();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json")
                    .build();
            post(client, request);
        });
    }

    /**
     * One POST, sent once more if the connection was closed under it (the sink closes idle keep-alive connections;
     * the replay's HTTP target retries those too).
     */
    private static void post(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException closed) {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        if (response.statusCode() != 204) {
            throw new IllegalStateException("sink answered " + response.statusCode());
        }
    }

    /** Events/s of GETs only, over the archived keys. */
    static Rate archiveAlone(ArchiveStore store, List<String> keys, int threads) throws Exception {
        return run(keys.size(), threads, i -> store.get(keys.get(i)).orElseThrow());
    }

    /** Events/s of a GET then a tag write per key: the least the default replay path asks of the archive. */
    static Rate archiveGetAndTag(ArchiveStore store, List<String> keys, int threads) throws Exception {
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
    static Rate archiveListAndGet(ArchiveStore store, String prefix, int events, int threads) throws Exception {
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
        long cpu = CpuTime.thisJvmNanos();
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
        return rate(events, started, cpu);
    }

    interface Step {
        void run(int index) throws Exception;
    }

    private static Rate run(int events, int threads, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long cpu = CpuTime.thisJvmNanos();
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
        return rate(events, started, cpu);
    }

    private static Rate rate(int events, long startedNanos, long cpuNanosAtStart) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return new Rate(events / seconds, (CpuTime.thisJvmNanos() - cpuNanosAtStart) / 1e3 / events);
    }
}
