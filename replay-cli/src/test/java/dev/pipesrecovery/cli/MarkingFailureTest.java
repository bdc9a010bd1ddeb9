package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.PartnerReplay;
import dev.pipesrecovery.replay.selection.ReplayTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens after delivery must never cause a re-send: every delivered record is journaled before any object is
 * marked, marking problems are reported per object, foreign tags are kept (or dropped with a warning), and a journal
 * that cannot be written stops the run with its deliveries tagged.
 */
class MarkingFailureTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    /** A character device whose writes fail with ENOSPC: a full disk under the journal. */
    private static final Path FULL_DISK = Path.of("/dev/full");

    @TempDir
    Path state;

    @RegisterExtension
    final PartnerReplay fixture = new PartnerReplay();

    private Cli.Result replay(String... extra) {
        List<String> args = new ArrayList<>(List.of("--concurrency", "1", "--format", "json"));
        args.addAll(List.of(extra));
        return fixture.replay(state, args.toArray(String[]::new));
    }

    @Test
    void tenForeignTagsLoseOneWithAWarningRatherThanTheStatusThatPreventsAReSend() throws Exception {
        String key = fixture.archive().put("orders-api", "k", T0, "{\"n\":1}");
        Map<String, String> foreign = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            foreign.put("team:tag-" + i, "v" + i);
        }
        fixture.archive().store().putTags(key, foreign);

        Cli.Result result = replay();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        Map<String, String> tags = fixture.archive().tags(key);
        assertThat(tags)
                .hasSize(10)
                .containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED)
                .doesNotContainKey("team:tag-9");
        foreign.remove("team:tag-9");
        assertThat(tags).containsAllEntriesOf(foreign);
        JsonNode summary = MAPPER.readTree(result.out()).path("summary");
        assertThat(summary.path("foreignTagsDropped").asLong()).isEqualTo(1);
        assertThat(Files.readString(Path.of(summary.path("failuresFile").asText())))
                .contains("\"kind\":\"warning\"", "ForeignTagsDropped", "team:tag-9", key);
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheRunAndTheTagsKeepItsDeliveriesFromBeingSentAgain() throws Exception {
        assertThat(FULL_DISK).as("this test needs Linux's /dev/full").exists();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add(fixture.archive().put("orders-api", "k", T0.plusMillis(i), "{\"n\":" + i + "}"));
        }
        Path journal = Path.of(MAPPER.readTree(replay("--dry-run").out())
                .path("plan")
                .path("journal")
                .asText());
        Files.createDirectories(journal.getParent());
        Files.createSymbolicLink(journal, FULL_DISK);

        Cli.Result stopped = replay();

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCodes.CIRCUIT_OPEN);
        assertThat(stopped.err()).contains("the replay journal could not be written");
        assertThat(fixture.partner().received())
                .as("nothing more is sent once deliveries cannot be journaled")
                .hasSize(1);
        assertThat(fixture.archive().tags(keys.get(0))).containsEntry(ReplayTags.STATUS, ReplayTags.REPLAYED);

        Files.delete(journal);
        Cli.Result rerun = replay();

        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(0);
        Map<String, Long> deliveries = fixture.partner().accepted().stream()
                .collect(Collectors.groupingBy(r -> r.header("Idempotency-Key"), Collectors.counting()));
        assertThat(deliveries)
                .hasSize(5)
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    }
}
