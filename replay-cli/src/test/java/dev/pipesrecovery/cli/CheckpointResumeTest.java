package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.ArchiveObject;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.replay.state.RunProgress;
import dev.pipesrecovery.testkit.PartnerApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine's per-key checkpoints in the bucket (S3Mock): the same command from another machine (another
 * state dir, no journal) with {@code --on-success keep} (no tags to rely on) re-sends only what the checkpoints do not
 * cover, and a key another sender advanced since this run read it is stopped and reported, never sent on silently.
 */
class CheckpointResumeTest {

    private static final Instant DAY1 = Instant.parse("2026-11-21T22:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path machineA;

    @TempDir
    Path machineB;

    @TempDir
    Path machineC;

    /** n: the record's number in its body; k0 has records on two days, k1's second record fails in the first run. */
    private static void archive(Archive archive) {
        int n = 0;
        for (String key : List.of("k0", "k1", "k2")) {
            for (int i = 0; i < 4; i++) {
                archive.put("orders-api", key, DAY1.plusMillis(i), "{\"n\":" + n++ + "}");
            }
        }
        archive.put("orders-api", "k0", DAY2, "{\"n\":" + n++ + "}");
        archive.put("orders-api", "k0", DAY2.plusMillis(1), "{\"n\":" + n + "}");
    }

    @Test
    void anotherMachineResendsOnlyWhatTheCheckpointsDoNotCover() throws Exception {
        List<Integer> sent = new CopyOnWriteArrayList<>();
        boolean[] failN5 = {true};
        try (Archive archive = new Archive();
                PartnerApi partner = partnerRejectingRecord5While(failN5, sent)) {
            archive(archive);

            Cli.Result first = new Cli(machineA).run(command(archive, partner));

            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SOME_FAILED);
            assertThat(sent).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13);
            Map<String, KeyCheckpoint> saved = checkpoints(archive);
            assertThat(saved).containsOnlyKeys("k0", "k1", "k2");
            assertThat(saved.get("k0").status()).isEqualTo(KeyCheckpoint.Status.DONE);
            assertThat(saved.get("k0").delivered()).as("both days of k0").isEqualTo(6);
            assertThat(saved.get("k1").status()).isEqualTo(KeyCheckpoint.Status.FAILED);
            assertThat(saved.get("k1").error()).isEqualTo("HTTP 422");
            assertThat(saved.get("k1").delivered()).isEqualTo(1);
            RunProgress progress = progress(archive);
            assertThat(progress.finished()).isTrue();
            assertThat(progress.recordsSent()).isEqualTo(11);
            assertThat(progress.recordsFailed()).isEqualTo(1);
            assertThat(progress.recordsHeld()).isEqualTo(2);
            assertThat(progress.keysFailed()).isEqualTo(1);

            sent.clear();
            failN5[0] = false;
            Cli.Result second = new Cli(machineB).run(command(archive, partner));

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
            assertThat(sent).as("only k1 from its failed record on").containsExactly(5, 6, 7);
            assertThat(checkpoints(archive).values())
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(KeyCheckpoint.Status.DONE));
            assertThat(checkpoints(archive).get("k1").delivered()).isEqualTo(4);
            assertThat(progress(archive).recordsAlreadyDelivered()).isEqualTo(11);

            sent.clear();
            List<String> args = new java.util.ArrayList<>(List.of(command(archive, partner)));
            args.set(args.indexOf("keep"), "tag");
            Cli.Result tagging = new Cli(machineC).run(args.toArray(String[]::new));

            assertThat(tagging.exitCode()).as(tagging.toString()).isEqualTo(ExitCodes.OK);
            assertThat(sent).as("all delivered by the checkpoints").isEmpty();
            assertThat(archive.store().list("orders-api/").map(ArchiveObject::key))
                    .hasSize(14)
                    .allSatisfy(key -> assertThat(archive.tags(key))
                            .as("marked as --on-success says, though another machine delivered it")
                            .containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED));
        }
    }

    /**
     * The default path's first start ({@code --on-success tag}, {@code --status pending}): the tags record every
     * delivery, so only a key that must be saved — here k1, whose second record fails — reads and writes a
     * checkpoint, with every delivery before the failure counted; the other machine then sends only k1's rest.
     */
    @Test
    void onTheDefaultPathOnlyAKeyThatMustBeSavedHasACheckpointAndItCountsWhatWasSent() throws Exception {
        List<Integer> sent = new CopyOnWriteArrayList<>();
        boolean[] failN5 = {true};
        try (Archive archive = new Archive();
                PartnerApi partner = partnerRejectingRecord5While(failN5, sent)) {
            archive(archive);
            List<String> args = new java.util.ArrayList<>(List.of(command(archive, partner)));
            args.set(args.indexOf("keep"), "tag");

            Cli.Result first = new Cli(machineA).run(args.toArray(String[]::new));

            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SOME_FAILED);
            Map<String, KeyCheckpoint> saved = checkpoints(archive);
            assertThat(saved).as("only the key that failed").containsOnlyKeys("k1");
            assertThat(saved.get("k1").status()).isEqualTo(KeyCheckpoint.Status.FAILED);
            assertThat(saved.get("k1").delivered()).isEqualTo(1);
            // k0 and k2 done without a checkpoint: k0's two days count once when nothing came between them in its lane
            assertThat(progress(archive).keysDone()).isBetween(2L, 3L);
            assertThat(progress(archive).keysFailed()).isEqualTo(1);

            sent.clear();
            failN5[0] = false;
            Cli.Result second = new Cli(machineB).run(args.toArray(String[]::new));

            assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
            assertThat(sent).as("only k1 from its failed record on").containsExactly(5, 6, 7);
            assertThat(checkpoints(archive).get("k1").status()).isEqualTo(KeyCheckpoint.Status.DONE);
            assertThat(checkpoints(archive).get("k1").delivered()).isEqualTo(4);
        }
    }

    @Test
    void aKeyAnotherSenderAdvancedIsStoppedAndReported() throws Exception {
        List<Integer> sent = new CopyOnWriteArrayList<>();
        try (Archive archive = new Archive()) {
            archive(archive);
            try (PartnerApi partner = PartnerApi.start(0, request -> {
                int n = number(request.body());
                sent.add(n);
                if (n == 8) { // k2's first record: "another machine" saves k2's checkpoint meanwhile
                    String path = checkpointPaths(archive).get("k0").replace("/k0.json", "/k2.json");
                    archive.store()
                            .putIfAbsent(new ArchiveWrite(
                                    path,
                                    new KeyCheckpoint(
                                                    "orders-api",
                                                    "k2",
                                                    null,
                                                    null,
                                                    0,
                                                    KeyCheckpoint.Status.RUNNING,
                                                    null,
                                                    Instant.now())
                                            .toJson()));
                }
                return PartnerApi.Answer.of(204);
            })) {
                Cli.Result run = new Cli(machineA).run(command(archive, partner, "--concurrency", "1"));

                assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
                assertThat(run.out()).contains("1 key(s) stopped: another sender of this run");
                assertThat(checkpoints(archive).get("k2").delivered())
                        .as("the other sender's checkpoint stands")
                        .isZero();
            }
            Path failures;
            try (var files = java.nio.file.Files.walk(machineA)) {
                failures = files.filter(p -> p.toString().endsWith(".failures.jsonl"))
                        .findFirst()
                        .orElseThrow();
            }
            assertThat(java.nio.file.Files.readString(failures)).contains("CheckpointConflict");
        }
    }

    private static String[] command(Archive archive, PartnerApi partner, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "replay",
                "--bucket",
                archive.bucket(),
                "--endpoint-url",
                archive.endpoint(),
                "--consumer",
                "orders-api",
                "--target",
                "http",
                "--url",
                partner.url("/orders"),
                "--on-success",
                "keep",
                "--rate",
                "0",
                "--yes"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The partner: 422 to record 5 while {@code failN5[0]}, 204 to the rest, whose numbers go to {@code sent}. */
    private static PartnerApi partnerRejectingRecord5While(boolean[] failN5, List<Integer> sent) throws Exception {
        return PartnerApi.start(0, request -> {
            int n = number(request.body());
            if (n == 5 && failN5[0]) {
                return PartnerApi.Answer.of(422);
            }
            sent.add(n);
            return PartnerApi.Answer.of(204);
        });
    }

    private static int number(byte[] body) {
        return Integer.parseInt(new String(body, StandardCharsets.UTF_8).replaceAll("\\D", ""));
    }

    /** Encoded partition key to its checkpoint's S3 key. */
    private static Map<String, String> checkpointPaths(Archive archive) {
        return archive.store()
                .list("_runs/")
                .map(ArchiveObject::key)
                .filter(k -> k.contains("/keys/orders-api/"))
                .collect(Collectors.toMap(
                        k -> k.substring(k.lastIndexOf('/') + 1).replace(".json", ""), Function.identity()));
    }

    private static Map<String, KeyCheckpoint> checkpoints(Archive archive) {
        return checkpointPaths(archive).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> KeyCheckpoint.fromJson(
                                archive.store().read(e.getValue()).orElseThrow().body())));
    }

    private static RunProgress progress(Archive archive) {
        String key = archive.store()
                .list("_runs/")
                .map(ArchiveObject::key)
                .filter(k -> k.endsWith("/progress.json"))
                .findFirst()
                .orElseThrow();
        return RunProgress.fromJson(archive.store().read(key).orElseThrow().body());
    }
}
