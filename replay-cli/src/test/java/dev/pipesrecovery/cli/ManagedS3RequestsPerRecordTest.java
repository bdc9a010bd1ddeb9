package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.replay.plan.standin.StandInStateMachine;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.replay.target.aws.AwsTargets;
import dev.pipesrecovery.replay.target.aws.TargetSpec;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.ProxiedRequest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The managed path's twin of {@link S3RequestsPerRecordTest}: what {@code replay --engine stepfunctions} (the plan)
 * and the replay worker (every plan item, on the Map's local stand-in) ask of S3, counted by kind at the wire by the
 * testkit proxy on moto_server (which sends a GET's tag count, as S3 does). Per record: the GET, whose tag count
 * gives the status, and the tag write; per plan item: a listing and the checkpoint's read and save (a one-record item
 * needs neither the listing nor the read); per run: its own files. No tag read for an untagged record, neither by
 * the plan nor by the worker.
 */
class ManagedS3RequestsPerRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final String CONSUMER = "orders-api";
    private static final String PLAN_LISTINGS =
            "the plan's: the days that hold records (no --from), the one day, loss markers, wide-range notices";
    private static final String RUN_FILES =
            "requests for the run's own files, once per run: plan.jsonl, run.json, execution.json";

    @TempDir
    Path state;

    @Test
    void fortyRecordsPerKeyCostTheGetTheTagWriteAndPerItemAListingAndOneCheckpointReadAndSave() throws Exception {
        Counted run = replay(10, 40);

        assertThat(run.records())
                .containsExactlyInAnyOrderEntriesOf(Map.of("GetObject", 400L, "PutObjectTagging", 400L));
        assertThat(run.checkpoints()).containsExactlyInAnyOrderEntriesOf(Map.of("PutObject", 20L));
        assertThat(run.listings()).as(PLAN_LISTINGS + ", then one per item").isEqualTo(4 + 10);
        assertThat(run.perRecord())
                .as("every request but the run's own files, per record")
                .isLessThanOrEqualTo(2.1);
        assertThat(run.runFiles()).as(RUN_FILES).isLessThanOrEqualTo(8);
    }

    @Test
    void oneRecordPerKeyCostsTheGetTheTagWriteAndTheItemsDoneSave() throws Exception {
        Counted run = replay(40, 1);

        assertThat(run.records()).containsExactlyInAnyOrderEntriesOf(Map.of("GetObject", 40L, "PutObjectTagging", 40L));
        assertThat(run.checkpoints()).containsExactlyInAnyOrderEntriesOf(Map.of("PutObject", 40L));
        assertThat(run.listings()).as(PLAN_LISTINGS + " only").isEqualTo(4);
        assertThat(run.perRecord())
                .as("every request but the run's own files, per record")
                .isLessThanOrEqualTo(4.0);
        assertThat(run.runFiles()).as(RUN_FILES).isLessThanOrEqualTo(8);
    }

    /** Requests by kind: the records', the checkpoints', the listings, all but the run's files per record, those. */
    private record Counted(
            Map<String, Long> records, Map<String, Long> checkpoints, long listings, double perRecord, long runFiles) {}

    private Counted replay(int keys, int recordsPerKey) throws Exception {
        try (Archive archive = new Archive(Emulators.moto());
                PartnerApi partner = new PartnerApi();
                FaultInjectingProxy s3 = FaultInjectingProxy.inFrontOf(URI.create(archive.endpoint()));
                S3Client workerS3 = LocalAws.s3(s3.endpoint())) {
            List<String> written = new ArrayList<>();
            for (int i = 0; i < keys * recordsPerKey; i++) {
                written.add(archive.put(CONSUMER, "k" + (i % keys), T0.plusMillis(i), "{\"n\":" + i + "}"));
            }
            StandInStateMachine stateMachine = new StandInStateMachine(
                    dev.pipesrecovery.archive.s3.S3ArchiveStore.create(workerS3, archive.bucket()),
                    new KeyLayout(""),
                    new AwsTargets(AwsSettings.defaults().withRegion("us-east-1"), Clock.systemUTC(), c -> {})
                            .open(TargetSpec.Http.url(URI.create(partner.url("/orders")))),
                    CONSUMER,
                    Duration.ofMinutes(5),
                    new PrintStream(OutputStream.nullOutputStream()));

            Cli.Result run = new Cli(state)
                    .withManagedRunsOn(stateMachine)
                    .run(
                            "replay",
                            "--bucket",
                            archive.bucket(),
                            "--region",
                            "us-east-1",
                            "--endpoint-url",
                            s3.endpoint().toString(),
                            "--consumer",
                            CONSUMER,
                            "--target",
                            "http",
                            "--url",
                            partner.url("/orders"),
                            "--engine",
                            "stepfunctions",
                            "--state-machine",
                            "arn:aws:states:us-east-1:123456789012:stateMachine:requests-test",
                            "--rate",
                            "0",
                            "--yes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
            assertThat(stateMachine.lastRun().result().failures()).isEmpty();
            assertThat(partner.received()).hasSize(written.size());
            assertThat(written)
                    .allSatisfy(
                            key -> assertThat(archive.tags(key)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED));
            List<ProxiedRequest> requests = s3.requests();
            Predicate<ProxiedRequest> checkpoint =
                    r -> r.path().contains("/_runs/") && r.path().contains("/keys/");
            Predicate<ProxiedRequest> runFile = r -> r.path().contains("/_runs/") && !checkpoint.test(r);
            long runFiles = requests.stream().filter(runFile).count();
            return new Counted(
                    byKind(
                            requests,
                            r -> r.path().contains("/" + CONSUMER + "/")
                                    && !r.path().contains("/_runs/")),
                    byKind(requests, checkpoint),
                    requests.stream()
                            .filter(r -> r.s3Operation().equals("ListObjectsV2"))
                            .count(),
                    (double) (requests.size() - runFiles) / written.size(),
                    runFiles);
        }
    }

    private static Map<String, Long> byKind(List<ProxiedRequest> requests, Predicate<ProxiedRequest> which) {
        return requests.stream()
                .filter(which)
                .filter(r -> !r.s3Operation().equals("ListObjectsV2"))
                .collect(Collectors.groupingBy(ProxiedRequest::s3Operation, Collectors.counting()));
    }
}
