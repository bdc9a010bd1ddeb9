package dev.pipesrecovery.replay.plan.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.replay.plan.ManagedRunInput;
import dev.pipesrecovery.replay.plan.PlanItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's own behaviour, with a scripted worker function (the real replay worker handler is not written
 * yet): the payload it builds, the continuation loop, waits, the concurrency bound and the failure tolerance.
 */
class LocalDistributedMapStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyItemLoopsUntilDoneWithTheSelectorsPayloadAndNeverMoreThanConcurrencyAtOnce() throws Exception {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<JsonNode> payloads = Collections.synchronizedList(new ArrayList<>());
        ReplayWorkerFunction worker = payload -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                JsonNode node = JSON.readTree(payload);
                payloads.add(node);
                int call = calls.computeIfAbsent(
                                node.path("item").path("partitionKey").asText(), k -> new AtomicInteger())
                        .incrementAndGet();
                Thread.yield();
                return call < 3 ? "{\"done\":false}" : "{\"done\":true}";
            } finally {
                inFlight.decrementAndGet();
            }
        };

        StandInResult result = new LocalDistributedMapStandIn(worker, d -> {}).run(items(6), input(2, 0, 0));

        assertThat(result.succeeded()).isEqualTo(6);
        assertThat(result.failures()).isEmpty();
        assertThat(result.invocations()).isEqualTo(18);
        assertThat(calls.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(3));
        assertThat(mostInFlight.get()).isBetween(1, 2);
        JsonNode first = payloads.get(0);
        assertThat(first.path("item").path("prefix").asText()).startsWith("orders-api/2026-11-21/");
        assertThat(first.path("run").path("runId").asText()).isEqualTo("run-1");
        assertThat(first.path("run").path("concurrency").asInt()).isEqualTo(2);
        assertThat(first.path("run").path("rate").asDouble()).isEqualTo(10.0);
    }

    @Test
    void aWorkerWaitingForAnEarlierChunkIsCalledAgainAfterTheSecondsItAskedFor() throws Exception {
        List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        ReplayWorkerFunction worker =
                payload -> calls.incrementAndGet() == 1 ? "{\"done\":false,\"waitSeconds\":30}" : "{\"done\":true}";

        StandInResult result = new LocalDistributedMapStandIn(worker, slept::add).run(items(1), input(1, 0, 0));

        assertThat(result.succeeded()).isEqualTo(1);
        assertThat(slept).containsExactly(Duration.ofSeconds(30));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void failuresBeyondTheToleratedCountStopNewItemsAndAreWordedAsTheFailState() throws Exception {
        ReplayWorkerFunction worker = payload -> {
            String key =
                    JSON.readTree(payload).path("item").path("partitionKey").asText();
            if (key.equals("k1")) {
                return "{\"status\":\"ok\"}";
            }
            if (key.equals("k2")) {
                throw new IllegalStateException("partner answered 400");
            }
            return "{\"done\":true}";
        };

        StandInResult result = new LocalDistributedMapStandIn(worker, d -> {}).run(items(5), input(1, 1, 100));

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.failures())
                .containsExactly(
                        "partition key k1 chunk 0 of run run-1: ReplayWorker.UnexpectedAnswer",
                        "partition key k2 chunk 0 of run run-1: IllegalStateException: partner answered 400");
        assertThat(result.succeeded())
                .as("k0 only: no item starts after the second failure")
                .isEqualTo(1);
    }

    private static ManagedRunInput input(int concurrency, Integer toleratedCount, Integer toleratedPercentage) {
        return new ManagedRunInput(
                "run-1", "bucket", "", "_runs/run-1/plan.jsonl", 10, concurrency, toleratedPercentage, toleratedCount);
    }

    private static List<PlanItem> items(int keys) {
        List<PlanItem> items = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            String prefix = "orders-api/2026-11-21/k" + i + "/";
            items.add(new PlanItem(
                    "run-1", "orders-api", "k" + i, 0, prefix, prefix + "a.json", prefix + "b.json", 2, 100));
        }
        return items;
    }
}
