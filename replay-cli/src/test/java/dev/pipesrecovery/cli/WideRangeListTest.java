package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.WideRangeNotice;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.stream.SequenceNumber;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list} counts, from the hydrate function's notices alone, the archived records of ranges wider than their batch. */
class WideRangeListTest {

    @TempDir
    Path state;

    @Test
    void listSaysHowManyArchivedRecordsCameFromRangesWiderThanTheirBatch() throws Exception {
        try (Archive archive = new Archive()) {
            for (int i = 0; i < 5; i++) {
                archive.put("orders-api", "k" + i, Instant.parse("2026-11-21T22:15:0" + i + "Z"), "{\"n\":" + i + "}");
            }
            KeyLayout layout = new KeyLayout("");
            for (int end : new int[] {3, 9}) {
                WideRangeNotice notice = new WideRangeNotice(
                        "orders-api",
                        Archive.STREAM_ARN,
                        "shardId-000000000000",
                        SequenceNumber.of("1"),
                        SequenceNumber.of(Integer.toString(end)),
                        2,
                        3,
                        3,
                        "m-" + end,
                        Instant.parse("2026-11-21T22:20:00Z"));
                archive.store()
                        .putIfAbsent(
                                new ArchiveWrite(notice.key(layout, LocalDate.parse("2026-11-21")), notice.toJson()));
            }
            Cli cli = new Cli(state, "--bucket", archive.bucket(), "--endpoint-url", archive.endpoint());

            Cli.Result text = cli.run("list", "--consumer", "orders-api");
            Cli.Result oneDay = cli.run("list", "--consumer", "orders-api", "--from", "2026-11-21", "--format", "json");
            Cli.Result otherDay =
                    cli.run("list", "--consumer", "orders-api", "--from", "2026-11-22", "--format", "json");

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out())
                    .containsPattern("TOTAL\\s+5\\s")
                    .contains("6 archived record(s) came from DLQ ranges wider than their batch")
                    .contains("docs/runbook.md#wide-dlq-ranges");
            assertThat(text.err()).as("notices are not unrecognised keys").doesNotContain("not archive keys");
            assertThat(new ObjectMapper()
                            .readTree(oneDay.out())
                            .path("recordsFromWideRanges")
                            .asLong())
                    .isEqualTo(6);
            assertThat(new ObjectMapper()
                            .readTree(otherDay.out())
                            .path("recordsFromWideRanges")
                            .asLong())
                    .isZero();
        }
    }
}
