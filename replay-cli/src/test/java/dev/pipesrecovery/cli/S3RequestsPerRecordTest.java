package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.ProxiedRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the default replay path ({@code --status pending --on-success tag}) asks of S3 per record, counted at the
 * wire by the testkit proxy, on moto_server (which, like S3, sends a GET's tag count; S3Mock does not): one GET and one
 * tag write per untagged record, the tag read only for objects that have tags (a failed one, foreign tags); and per
 * key checkpoint on a run's first start: the tags already record every delivery, so a key's checkpoint is read and
 * saved only when it must be (1,000 records or 30 s of the key, a failure, a hold), and a resumed run reads them.
 */
class S3RequestsPerRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");

    @TempDir
    Path state;

    @Test
    void anUntaggedRecordCostsOneGetAndOneTagWriteATaggedOneATagReadMore() throws Exception {
        try (Archive archive = new Archive(Emulators.moto());
                PartnerApi partner = new PartnerApi();
                FaultInjectingProxy s3 = FaultInjectingProxy.inFrontOf(java.net.URI.create(archive.endpoint()))) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                keys.add(archive.put("orders-api", "k" + (i % 4), T0.plusMillis(i), "{\"n\":" + i + "}"));
            }
            archive.store().putTags(keys.get(0), Map.of(ReplayTags.STATUS, ReplayTags.FAILED, "team", "orders"));

            Cli.Result run = new Cli(state)
                    .run(
                            "replay",
                            "--bucket",
                            archive.bucket(),
                            "--endpoint-url",
                            s3.endpoint().toString(),
                            "--consumer",
                            "orders-api",
                            "--target",
                            "http",
                            "--url",
                            partner.url("/orders"),
                            "--yes",
                            "--rate",
                            "0");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
            assertThat(partner.received()).hasSize(20);
            Map<String, Long> perRecord = s3.requests().stream()
                    .filter(r -> r.path().contains("/orders-api/") && !r.path().contains("/_runs/"))
                    .collect(Collectors.groupingBy(ProxiedRequest::s3Operation, Collectors.counting()));
            assertThat(perRecord)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("GetObject", 20L, "PutObjectTagging", 20L, "GetObjectTagging", 1L));
            // 4 keys of 5 records, fewer than the 1,000 between saves, none failed: no checkpoint read or written
            Map<String, Long> perKey = s3.requests().stream()
                    .filter(r -> r.path().contains("/_runs/") && r.path().contains("/keys/orders-api/"))
                    .collect(Collectors.groupingBy(ProxiedRequest::s3Operation, Collectors.counting()));
            assertThat(perKey)
                    .as("checkpoint requests of a first start on the default path")
                    .isEmpty();
            long all = s3.requests().size();
            assertThat(all)
                    .as("every S3 request of the run: 2 per record, 1 tag read, the listing and the run's own state")
                    .isLessThanOrEqualTo(2 * 20 + 1 + 1 + 6);
            assertThat(keys)
                    .allSatisfy(
                            key -> assertThat(archive.tags(key)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED));
            assertThat(archive.tags(keys.get(0))).as("foreign tag kept").containsEntry("team", "orders");
        }
    }
}
