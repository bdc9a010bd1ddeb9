package dev.pipesrecovery.replay.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.cli.support.Archive;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Checkpoints in the archive bucket (S3Mock, which honours If-Match and If-None-Match as S3 does). */
class KeyCheckpointsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T07:00:00Z");

    @Test
    void twoWritersThatReadTheSameVersionCannotBothAdvanceAKey() {
        try (Archive archive = new Archive()) {
            RunStateKeys run = RunStateKeys.of(new KeyLayout("archive"), "run-1");
            KeyCheckpoints first = new KeyCheckpoints(archive.store(), run);
            KeyCheckpoints second = new KeyCheckpoints(archive.store(), run);
            KeyCheckpoint started = checkpoint("a/1.json", 1, KeyCheckpoint.Status.RUNNING);

            KeyCheckpoints.Versioned created = first.save(started, null).orElseThrow();
            assertThat(second.save(started, null)).as("created once").isEmpty();
            KeyCheckpoints.Versioned seenBySecond =
                    second.load("orders-api", "customer%2F42", null).orElseThrow();
            assertThat(first.save(checkpoint("a/2.json", 2, KeyCheckpoint.Status.RUNNING), created.eTag()))
                    .isPresent();
            assertThat(second.save(checkpoint("a/3.json", 3, KeyCheckpoint.Status.DONE), seenBySecond.eTag()))
                    .as("stale version: loses")
                    .isEmpty();

            KeyCheckpoint stored = first.load("orders-api", "customer%2F42", null)
                    .orElseThrow()
                    .checkpoint();
            assertThat(stored).isEqualTo(checkpoint("a/2.json", 2, KeyCheckpoint.Status.RUNNING));
            assertThat(archive.exists("archive/_runs/run-1/keys/orders-api/customer%2F42.json"))
                    .isTrue();
            assertThat(first.load("orders-api", "other", 3)).isEmpty();
            assertThat(first.load("payments-api", "customer%2F42", null)).isEmpty();
        }
    }

    @Test
    void aCheckpointRoundTripsItsJsonAndABadOneSaysWhichFieldIsWrong() {
        KeyCheckpoint failed =
                new KeyCheckpoint("orders-api", "k", 4, null, 0, KeyCheckpoint.Status.FAILED, "HTTP 422", T0);

        assertThat(KeyCheckpoint.fromJson(failed.toJson())).isEqualTo(failed);
        assertThat(RunStateKeys.of(new KeyLayout(""), "r").checkpoint("orders-api", "k", 4))
                .isEqualTo("_runs/r/keys/orders-api/k~4.json");
        assertThatThrownBy(() -> KeyCheckpoint.fromJson("{\"consumer\":\"c\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'key'");
        assertThatThrownBy(() -> RunStateKeys.of(new KeyLayout(""), "../x")).hasMessageContaining("run id");
    }

    private static KeyCheckpoint checkpoint(String last, long delivered, KeyCheckpoint.Status status) {
        return new KeyCheckpoint("orders-api", "customer%2F42", null, last, delivered, status, null, T0);
    }
}
