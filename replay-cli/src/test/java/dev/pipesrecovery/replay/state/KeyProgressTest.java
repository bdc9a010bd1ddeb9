package dev.pipesrecovery.replay.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.cli.support.Archive;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A key's progress, advanced by two senders over S3Mock's conditional writes. */
class KeyProgressTest {

    private static final KeyLayout LAYOUT = new KeyLayout("archive");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T07:00:00Z"), ZoneOffset.UTC);
    private static final String DAY = "archive/orders-api/2026-11-21/customer%2F42/20261121T221503123Z/";
    private static final String FIRST =
            DAY + "shardId-000000000002-49650000000000000000000000000000000000000000000001.json";
    private static final String SECOND =
            DAY + "shardId-000000000002-49650000000000000000000000000000000000000000000002.json";

    @Test
    void aSecondSenderResumesAfterWhatTheFirstSavedAndTheFirstCannotSaveOverIt() {
        try (Archive archive = new Archive()) {
            KeyCheckpoints checkpoints = new KeyCheckpoints(archive.store(), RunStateKeys.of(LAYOUT, "run-1"));
            KeyProgress first = KeyProgress.resume(checkpoints, LAYOUT, CLOCK, "orders-api", "customer%2F42", null);
            assertThat(first.alreadyDelivered(FIRST)).isFalse();

            first.delivered(FIRST);
            assertThat(first.unsaved()).isEqualTo(1);
            assertThat(first.save(KeyCheckpoint.Status.RUNNING, null)).isTrue();
            assertThat(first.unsaved()).isZero();

            KeyProgress second = KeyProgress.resume(checkpoints, LAYOUT, CLOCK, "orders-api", "customer%2F42", null);
            assertThat(second.alreadyDelivered(FIRST)).isTrue();
            assertThat(second.alreadyDelivered(SECOND)).isFalse();
            second.delivered(SECOND);
            assertThat(second.save(KeyCheckpoint.Status.DONE, null)).isTrue();

            first.delivered(SECOND);
            assertThat(first.save(KeyCheckpoint.Status.RUNNING, null))
                    .as("the second sender saved since the first read: the first must stop")
                    .isFalse();
            KeyCheckpoint stored = KeyProgress.resume(checkpoints, LAYOUT, CLOCK, "orders-api", "customer%2F42", null)
                    .checkpoint();
            assertThat(stored.status()).isEqualTo(KeyCheckpoint.Status.DONE);
            assertThat(stored.delivered()).isEqualTo(2);
            assertThat(stored.lastDelivered()).isEqualTo(SECOND);
        }
    }

    @Test
    void olderUnpaddedSubSequenceKeysOfOneAggregateFollowTheirNumbersNotTheirText() {
        try (Archive archive = new Archive()) {
            KeyCheckpoints checkpoints = new KeyCheckpoints(archive.store(), RunStateKeys.of(LAYOUT, "run-2"));
            KeyProgress progress = KeyProgress.resume(checkpoints, LAYOUT, CLOCK, "orders-api", "customer%2F42", null);
            String two = FIRST.replace(".json", "-2.json");
            String ten = FIRST.replace(".json", "-10.json");

            progress.delivered(two);

            assertThat(ten.compareTo(two)).as("text order puts -10 first").isNegative();
            assertThat(progress.alreadyDelivered(ten)).isFalse();
            progress.delivered(ten);
            assertThat(progress.alreadyDelivered(two)).isTrue();
            assertThatThrownBy(() -> progress.delivered(two)).hasMessageContaining("in order");
        }
    }
}
