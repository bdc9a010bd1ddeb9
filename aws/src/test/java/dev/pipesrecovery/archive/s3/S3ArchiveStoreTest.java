package dev.pipesrecovery.archive.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.WriteOutcome;
import dev.pipesrecovery.archive.WriteResult;
import dev.pipesrecovery.aws.FakeTime;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Against S3Mock through a pass-through proxy (which counts the calls); a fresh bucket per test. */
class S3ArchiveStoreTest {

    static FaultInjectingProxy proxy;
    static S3Client s3;
    String bucket;
    S3ArchiveStore store;

    @BeforeAll
    static void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.s3());
        s3 = LocalAws.s3(proxy.endpoint());
    }

    @AfterAll
    static void stopProxy() {
        s3.close();
        proxy.close();
    }

    @BeforeEach
    void freshBucket() {
        bucket = "archive-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        FakeTime time = new FakeTime();
        store = new S3ArchiveStore(
                s3, bucket, S3ArchiveSettings.defaults().withParallelism(8).withListPageSize(50), time, () -> 0.5);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static ArchiveWrite write(String key, String body) {
        return new ArchiveWrite(key, body.getBytes(StandardCharsets.UTF_8));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aConditionalWriteTwiceCreatesThenFindsItAlreadyArchivedAndKeepsTheFirstBody() {
        String key = "orders-api/2026-11-21/customer%2F42/20261121T221503123Z/shardId-000000000002-4965.json";

        assertThat(store.putIfAbsent(write(key, "{\"v\":1}"))).isEqualTo(WriteOutcome.CREATED);
        assertThat(store.putIfAbsent(write(key, "{\"v\":2}"))).isEqualTo(WriteOutcome.ALREADY_EXISTS);

        assertThat(store.get(key)).map(S3ArchiveStoreTest::utf8).contains("{\"v\":1}");
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).contentType()).isEqualTo("application/json");
    }

    @Test
    void writesAThousandObjectsInParallelWithOneResultEachInOrder() {
        List<ArchiveWrite> writes = IntStream.range(0, 1000)
                .mapToObj(i -> write(String.format("c/2026-11-21/pk/%04d.json", i), "{\"n\":" + i + "}"))
                .toList();

        List<WriteResult> results = store.putAllIfAbsent(writes);

        assertThat(results)
                .hasSize(1000)
                .allMatch(WriteResult::succeeded)
                .allMatch(r -> r.outcome() == WriteOutcome.CREATED);
        assertThat(results).extracting(WriteResult::write).containsExactlyElementsOf(writes);
        try (Stream<ArchiveObject> listed = store.list("c/")) {
            assertThat(listed.count()).isEqualTo(1000);
        }
        assertThat(store.putAllIfAbsent(writes.subList(0, 10)))
                .allMatch(r -> r.outcome() == WriteOutcome.ALREADY_EXISTS);
    }

    @Test
    void listsLazilyPageByPageInLexicographicKeyOrder() {
        List<String> keys = IntStream.range(0, 120)
                .mapToObj(i -> "c/2026-11-21/pk/" + (i * 7919 % 1000) + ".json")
                .toList();
        store.putAllIfAbsent(keys.stream().map(k -> write(k, "{}")).toList());
        store.putIfAbsent(write("other/x.json", "{}"));
        RequestMatch listCalls = RequestMatch.http("GET", "/" + bucket);
        long before = proxy.count(listCalls);

        List<String> listed;
        try (Stream<ArchiveObject> objects = store.list("c/")) {
            listed = objects.map(ArchiveObject::key).toList();
        }

        assertThat(listed).containsExactlyElementsOf(keys.stream().sorted().toList());
        assertThat(proxy.count(listCalls) - before)
                .as("120 keys in pages of 50")
                .isEqualTo(3);
        long beforeFirst = proxy.count(listCalls);
        try (Stream<ArchiveObject> objects = store.list("c/")) {
            assertThat(objects.limit(5).count()).isEqualTo(5);
        }
        assertThat(proxy.count(listCalls) - beforeFirst)
                .as("only the pages consumed are fetched")
                .isEqualTo(1);
    }

    @Test
    void listsTheFoldersOneLevelDownWithoutListingTheirObjects() {
        List<String> runs = IntStream.range(0, 120)
                .mapToObj(i -> String.format("p/_runs/run-%03d/", i * 37 % 120))
                .toList();
        List<ArchiveWrite> writes = new java.util.ArrayList<>();
        for (String run : runs) {
            writes.add(write(run + "run.json", "{}"));
            IntStream.range(0, 5).forEach(k -> writes.add(write(run + "keys/c/k" + k + ".json", "{}")));
        }
        writes.add(write("p/_runs/loose.json", "{}"));
        writes.add(write("p/orders/2026-11-21/k/x.json", "{}"));
        store.putAllIfAbsent(writes);
        RequestMatch listCalls = RequestMatch.http("GET", "/" + bucket);
        long before = proxy.count(listCalls);

        List<String> folders;
        try (Stream<String> listed = store.listFolders("p/_runs/")) {
            folders = listed.toList();
        }

        assertThat(folders)
                .as("one entry per run folder, in key order; neither a loose object nor another prefix")
                .containsExactlyElementsOf(runs.stream().sorted().toList());
        // S3 counts each CommonPrefix toward MaxKeys (3 pages of 50 here); S3Mock answers them in one page. Listing
        // the 721 keys themselves would take 15.
        assertThat(proxy.count(listCalls) - before)
                .as("LIST requests for 120 folders of 6 objects each, in pages of 50")
                .isBetween(1L, 3L);
        try (Stream<String> none = store.listFolders("nothing-here/")) {
            assertThat(none).isEmpty();
        }
    }

    @Test
    void listingReportsSizeAndLastModified() {
        store.putIfAbsent(write("p/a.json", "12345"));

        try (Stream<ArchiveObject> objects = store.list("p/")) {
            assertThat(objects.toList())
                    .singleElement()
                    .satisfies(o -> assertThat(o.size()).isEqualTo(5))
                    .satisfies(o -> assertThat(o.lastModified()).isNotNull());
        }
    }

    @Test
    void aMissingKeyIsEmpty() {
        assertThat(store.get("nope/never.json")).isEmpty();
    }

    @Test
    void tagsAreReplacedAndReadBack() {
        store.putIfAbsent(write("t/a.json", "{}"));

        store.putTags("t/a.json", Map.of("replayed", "2026-11-24T22:10:00Z", "by", "sre"));
        store.putTags("t/a.json", Map.of("replayed", "twice"));

        assertThat(store.tags("t/a.json")).containsExactly(Map.entry("replayed", "twice"));
    }

    @Test
    void tagsBeyondS3LimitsAreRefusedWithAClearMessage() {
        Map<String, String> eleven = new java.util.HashMap<>();
        IntStream.range(0, 11).forEach(i -> eleven.put("k" + i, "v"));

        assertThatThrownBy(() -> store.putTags("t/a.json", eleven)).hasMessageContaining("at most 10 tags");
        assertThatThrownBy(() -> store.putTags("t/a.json", Map.of("k".repeat(129), "v")))
                .hasMessageContaining("1-128");
    }

    @Test
    void deleteRemovesTheObject() {
        store.putIfAbsent(write("d/a.json", "{}"));

        store.delete("d/a.json");

        assertThat(store.get("d/a.json")).isEmpty();
    }
}
