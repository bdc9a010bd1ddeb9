package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.PartnerReplay;
import dev.pipesrecovery.replay.selection.ReplayTags;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.PartnerApi.Answer;
import dev.pipesrecovery.testkit.RequestMatch;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order after a final failure, and what running the same command again does: it finishes the job (failed and held
 * records included, in order), exits 0 only when nothing selected is left undelivered, and never re-tags.
 */
class ReRunTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");

    @TempDir
    Path state;

    @RegisterExtension
    final PartnerReplay fixture = new PartnerReplay();

    private Cli.Result replay(String... extra) {
        List<String> args = new ArrayList<>(List.of("--format", "json"));
        args.addAll(List.of(extra));
        return fixture.replay(state, args.toArray(String[]::new));
    }

    /** Keys a0..a4 then b0..b2 (listing order); the partner accepts a0, rejects a1 with 400, then accepts all. */
    private List<String> twoKeysWithTheSecondRecordOfTheFirstRejected() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(fixture.archive().put("orders-api", "a", T0.plusMillis(i), "a" + i));
        }
        for (int i = 0; i < 3; i++) {
            keys.add(fixture.archive().put("orders-api", "b", T0.plusMillis(i), "b" + i));
        }
        fixture.partner().then(Answer.of(204), 1).then(Answer.of(400), 1);
        return keys;
    }

    private List<String> bodies() {
        return fixture.partner().received().stream()
                .map(r -> new String(r.body()))
                .toList();
    }

    @Test
    void aFinalFailureHoldsTheRestOfItsKeyAndTheSameCommandSendsItInOrderNextTime() throws Exception {
        List<String> keys = twoKeysWithTheSecondRecordOfTheFirstRejected();

        Cli.Result first = replay("--concurrency", "1");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(bodies()).containsExactly("a0", "a1", "b0", "b1", "b2");
        JsonNode summary = MAPPER.readTree(first.out()).path("summary");
        assertThat(summary.path("blocked").asLong()).isEqualTo(3);
        assertThat(summary.path("blockedKeys").get(0).path("partitionKey").asText())
                .isEqualTo("a");
        assertThat(summary.path("blockedKeys").get(0).path("cause").asText()).isEqualTo("HTTP 400");
        assertThat(summary.path("blockedKeys").get(0).path("heldBack").asLong()).isEqualTo(3);
        assertThat(fixture.archive().tags(keys.get(1))).containsEntry(ReplayTags.STATUS, ReplayTags.FAILED);
        assertThat(keys.subList(2, 5))
                .allSatisfy(key -> assertThat(fixture.archive().tags(key))
                        .as("held: untouched")
                        .isEmpty());

        Cli.Result archivedOnly = replay("--concurrency", "1", "--status", "archived");
        assertThat(archivedOnly.exitCode())
                .as("a2..a4 wait for a1, which --status archived leaves out")
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(MAPPER.readTree(archivedOnly.out())
                        .path("summary")
                        .path("blocked")
                        .asLong())
                .isEqualTo(3);
        assertThat(fixture.partner().received()).hasSize(5);

        Cli.Result again = replay("--concurrency", "1");

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
        assertThat(bodies().subList(5, bodies().size())).containsExactly("a1", "a2", "a3", "a4");
        assertThat(keys)
                .allSatisfy(key ->
                        assertThat(fixture.archive().tags(key)).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED));
    }

    @Test
    void sendAfterFailureIsTheExplicitOptOutForTargetsWithoutOrder() {
        twoKeysWithTheSecondRecordOfTheFirstRejected();

        Cli.Result result = replay("--concurrency", "1", "--send-after-failure");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(bodies()).containsExactly("a0", "a1", "a2", "a3", "a4", "b0", "b1", "b2");
    }

    @Test
    void afterTheBreakerTheSameCommandDeliversWhatWasLeftFailed() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(fixture.archive().put("orders-api", "k" + i, T0.plusMillis(i), "{\"n\":" + i + "}"));
        }
        fixture.partner().always(Answer.of(400));

        Cli.Result stopped = replay("--concurrency", "2", "--breaker-threshold", "5");

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCodes.CIRCUIT_OPEN);
        assertThat(keys.stream()
                        .filter(k -> ReplayTags.FAILED.equals(
                                fixture.archive().tags(k).get(ReplayTags.STATUS))))
                .hasSizeBetween(5, 7);

        fixture.partner().always(Answer.of(200));
        Cli.Result rerun = replay("--concurrency", "2", "--breaker-threshold", "5");

        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(0);
        Map<String, Long> accepted = fixture.partner().accepted().stream()
                .collect(Collectors.groupingBy(r -> r.header("Idempotency-Key"), Collectors.counting()));
        assertThat(accepted)
                .as("every record, the ones tagged failed included, once")
                .hasSize(30)
                .allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aResumedRunTagsOnlyWhatItsJournalHasNotTaggedYet() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(fixture.archive().put("orders-api", "k" + i, T0.plusMillis(i), "{\"n\":" + i + "}"));
        }
        try (FaultInjectingProxy s3 =
                FaultInjectingProxy.inFrontOf(URI.create(fixture.archive().endpoint()))) {
            RequestMatch tagging =
                    RequestMatch.http("PUT", "/" + fixture.archive().bucket() + "/orders-api/");
            fixture.s3Endpoint(s3.endpoint().toString()); // every S3 call through the proxy, which counts them
            Cli.Result kept = replay("--on-success", "keep");
            assertThat(kept.exitCode()).as(kept.toString()).isEqualTo(0);
            assertThat(keys)
                    .allSatisfy(key -> assertThat(fixture.archive().tags(key)).isEmpty());

            Cli.Result tagged = replay();
            String runId =
                    MAPPER.readTree(tagged.out()).path("summary").path("runId").asText();
            assertThat(tagged.exitCode()).as(tagged.toString()).isEqualTo(0);
            assertThat(fixture.partner().received())
                    .as("journaled: not sent again")
                    .hasSize(3);
            assertThat(keys)
                    .allSatisfy(key -> assertThat(fixture.archive().tags(key)).containsEntry(ReplayTags.RUN_ID, runId));
            long taggingCalls = s3.count(tagging);

            Cli.Result resumed = replay();

            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(0);
            assertThat(s3.count(tagging))
                    .as("no tagging call for what is tagged already")
                    .isEqualTo(taggingCalls);
            assertThat(keys)
                    .allSatisfy(key -> assertThat(fixture.archive().tags(key)).containsEntry(ReplayTags.RUN_ID, runId));
            assertThat(fixture.partner().received()).hasSize(3);
        }
    }
}
