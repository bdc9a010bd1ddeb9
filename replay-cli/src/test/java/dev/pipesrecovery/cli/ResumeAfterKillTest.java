package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.testkit.PartnerApi;
import dev.pipesrecovery.testkit.PartnerApi.Received;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM runs the CLI and is killed with SIGKILL mid-run; the same command run again delivers the rest.
 * Nothing may be missing, and only the requests in flight at the kill (at most --concurrency) may arrive twice.
 */
class ResumeAfterKillTest {

    private static final int RECORDS = 60;
    private static final int CONCURRENCY = 3;

    @TempDir
    Path state;

    @Test
    void killNineThenRerunDeliversEverythingWithoutDuplicatesBeyondTheInFlightBound() throws Exception {
        try (Archive archive = new Archive();
                PartnerApi partner = new PartnerApi()) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                keys.add(archive.put(
                        "orders-api",
                        "key-" + (i % 6),
                        Instant.parse("2026-11-21T22:00:00Z").plusMillis(i),
                        "{\"n\":" + i + "}"));
            }
            partner.delay(40);
            String[] command = {
                "replay",
                "--bucket",
                archive.bucket(),
                "--consumer",
                "orders-api",
                "--target",
                "http",
                "--url",
                partner.url("/orders"),
                "--rate",
                "0",
                "--concurrency",
                String.valueOf(CONCURRENCY),
                "--yes",
                "--state-dir",
                state.toString()
            };

            Process child = startChild(archive, command);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (partner.accepted().size() < 20 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive())
                    .as("the child must still be running when it is killed")
                    .isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no clean-up
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int beforeRerun = partner.accepted().size();
            assertThat(beforeRerun).isLessThan(RECORDS);

            Cli.Result rerun = new Cli(state, "--endpoint-url", archive.endpoint()).run(command);

            assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(0);
            Map<String, Long> deliveries = partner.accepted().stream()
                    .collect(Collectors.groupingBy(r -> r.header("Idempotency-Key"), Collectors.counting()));
            assertThat(deliveries).as("nothing missing").hasSize(RECORDS);
            long duplicates = deliveries.values().stream().filter(n -> n > 1).count();
            assertThat(duplicates)
                    .as("only requests in flight at the kill are re-sent")
                    .isLessThanOrEqualTo(CONCURRENCY);
            assertThat(deliveries.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
            for (String key : keys) {
                assertThat(archive.tags(key)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED);
            }
            Map<String, List<Integer>> orderPerKey = new java.util.LinkedHashMap<>();
            for (Received request : partner.accepted()) {
                int n = Integer.parseInt(new String(request.body()).replaceAll("\\D", ""));
                orderPerKey
                        .computeIfAbsent("key-" + (n % 6), k -> new ArrayList<>())
                        .add(n);
            }
            orderPerKey
                    .values()
                    .forEach(order ->
                            assertThat(order.stream().distinct().toList()).isSorted());
        }
    }

    /** The CLI's main class in a new JVM; AWS settings through the standard environment variables. */
    private Process startChild(Archive archive, String[] command) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> args = new ArrayList<>(List.of(
                java,
                "-Daws.cborEnabled=false",
                "-cp",
                System.getProperty("java.class.path"),
                PipesReplayCommand.class.getName()));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args)
                .redirectErrorStream(true)
                .redirectOutput(state.resolve("child.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "test",
                        "AWS_SECRET_ACCESS_KEY",
                        "test",
                        "AWS_REGION",
                        "us-east-1",
                        "AWS_ENDPOINT_URL_S3",
                        archive.endpoint()));
        return builder.start();
    }
}
