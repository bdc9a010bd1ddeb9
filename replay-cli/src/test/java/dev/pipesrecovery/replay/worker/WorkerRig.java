package dev.pipesrecovery.replay.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.replay.engine.EngineTime;
import dev.pipesrecovery.replay.engine.NanoClock;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.plan.PlanLines;
import dev.pipesrecovery.replay.state.BucketRunState;
import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.replay.state.KeyCheckpoints;
import dev.pipesrecovery.replay.state.RunDescription;
import dev.pipesrecovery.replay.state.RunStateKeys;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.replay.target.http.HttpTarget;
import dev.pipesrecovery.replay.target.http.HttpTargetConfig;
import dev.pipesrecovery.testkit.Emulator;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.PartnerApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A managed run's world for worker tests: an archive on S3Mock (filled as the hydrate function fills it), the run's
 * run.json, the testkit's partner API as the HTTP sink, and workers on real time whose retries do not sleep.
 */
final class WorkerRig implements AutoCloseable {

    static final String CONSUMER = "orders-api";
    static final String RUN_ID = "20261127T070000Z-0a1b2c3d";
    static final Instant DAY = Instant.parse("2026-11-21T22:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Archive archive;
    final PartnerApi partner;
    final KeyLayout layout = new KeyLayout("");
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    final EngineTime time = new EngineTime(
            Clock.systemUTC(),
            NanoClock.SYSTEM,
            duration -> {},
            () -> ThreadLocalRandom.current().nextDouble());

    /** The archive on the JVM-wide S3Mock. */
    WorkerRig() throws IOException {
        this(Emulators.s3());
    }

    WorkerRig(Emulator s3) throws IOException {
        archive = new Archive(s3);
        partner = new PartnerApi();
    }

    /** Archives record {@code n} of {@code partitionKey} (arrival DAY + n ms); the body names both. */
    String put(String partitionKey, int n) {
        return archive.put(CONSUMER, partitionKey, DAY.plusMillis(n), body(partitionKey, n));
    }

    static String body(String partitionKey, int n) {
        return "{\"key\":\"" + partitionKey + "\",\"n\":" + n + "}";
    }

    /**
     * Writes run.json as {@code replay --engine stepfunctions} does, selecting {@code status}: tagged, so that on a
     * store that sends a GET's tag count (moto, S3) the worker reads statuses from it; S3Mock does not send it.
     */
    void startRun(String status) {
        RunDescription run = new RunDescription(
                RUN_ID,
                "stepfunctions",
                CONSUMER,
                null,
                null,
                null,
                status,
                "http POST " + partner.url("/orders"),
                0,
                8,
                "arn:aws:states:us-east-1:123456789012:stateMachine:replay",
                Instant.now().toString(),
                0,
                0,
                0);
        archive.store().putIfAbsent(new ArchiveWrite(keys().runJson(), run.toJson()));
        BucketRunState.tagAsProof(archive.store(), keys()); // a store that gives tag counts makes the worker trust them
    }

    RunStateKeys keys() {
        return RunStateKeys.of(layout, RUN_ID);
    }

    /** The plan line for {@code keys} (records of one key on DAY, in key order) as chunk {@code chunk}. */
    PlanItem item(String partitionKey, int chunk, List<String> keys) {
        String prefix =
                layout.partitionKeyPrefix(CONSUMER, DAY.atZone(ZoneOffset.UTC).toLocalDate(), partitionKey);
        List<String> sorted = keys.stream().sorted().toList();
        return new PlanItem(
                RUN_ID,
                CONSUMER,
                partitionKey,
                chunk,
                prefix,
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                keys.size(),
                100L * keys.size());
    }

    /** As the state machine's ItemSelector builds it. */
    static String payload(PlanItem item) {
        return "{\"item\":" + new String(PlanLines.format(item), StandardCharsets.UTF_8) + ",\"run\":{\"runId\":\""
                + item.runId() + "\",\"rate\":0,\"concurrency\":8}}";
    }

    HttpTarget target() {
        return new HttpTarget(
                HttpTargetConfig.plain(URI.create(partner.url("/orders")), List.of()),
                HttpClient.newHttpClient(),
                time.wall());
    }

    ReplayWorker worker() {
        return worker(target());
    }

    ReplayWorker worker(ReplayTarget target) {
        return new ReplayWorker(
                archive.store(),
                layout,
                target,
                CONSUMER,
                time,
                ReplayWorker.DEFAULT_BACKOFF,
                new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    /** The record numbers the partner accepted, per partition key, in arrival order. */
    Map<String, List<Integer>> accepted() {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (PartnerApi.Received received : partner.accepted()) {
            try {
                JsonNode body = JSON.readTree(received.body());
                byKey.computeIfAbsent(body.path("key").asText(), k -> new ArrayList<>())
                        .add(body.path("n").asInt());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byKey;
    }

    KeyCheckpoint checkpoint(String partitionKey, int chunk) {
        return new KeyCheckpoints(archive.store(), keys())
                .load(CONSUMER, KeyLayout.encodePartitionKey(partitionKey), chunk)
                .orElseThrow()
                .checkpoint();
    }

    String logs() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        partner.close();
        archive.close();
    }
}
