package dev.pipesrecovery.replay.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on a real file: what survives a kill, and the compact set of keys it reads back into. */
class ReplayJournalTest {

    @TempDir
    Path dir;

    @Test
    void journalSurvivesReopeningAndDropsATornLastLine() throws Exception {
        Path file = dir.resolve("journals/run.journal");
        try (ReplayJournal journal = ReplayJournal.open(file)) {
            journal.recordDelivered(List.of("a/1.json"));
            journal.recordDelivered(List.of("a/2.json"));
        }
        Files.writeString(file, "a/3.js", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // killed mid-write

        try (ReplayJournal journal = ReplayJournal.open(file)) {
            assertThat(journal.wasDelivered("a/1.json")).isTrue();
            assertThat(journal.wasDelivered("a/2.json")).isTrue();
            assertThat(journal.wasDelivered("a/3.js")).isFalse();
            assertThat(journal.wasDelivered("a/3.json")).isFalse();
            journal.recordDelivered(List.of("a/3.json"));
        }

        assertThat(Files.readAllLines(file)).containsExactly("a/1.json", "a/2.json", "a/3.json");
    }

    @Test
    void journalRemembersWhichDeliveredObjectsWereMarked() throws Exception {
        Path file = dir.resolve("journals/marks.journal");
        try (ReplayJournal journal = ReplayJournal.open(file)) {
            journal.recordDelivered(List.of("a/1.json", "a/2.json", "a/3.json"));
            journal.recordMarked("a/1.json");
            journal.recordMarked("a/3.json");
        }

        try (ReplayJournal journal = ReplayJournal.open(file)) {
            assertThat(journal.previouslyDelivered()).isEqualTo(3);
            assertThat(journal.wasDelivered("a/1.json")).isTrue();
            assertThat(journal.needsMarking("a/1.json")).isFalse();
            assertThat(journal.needsMarking("a/2.json")).isTrue();
            assertThat(journal.needsMarking("a/3.json")).isFalse();
            assertThat(journal.needsMarking("a/4.json")).as("never delivered").isFalse();
        }
    }

    @Test
    void deliveredKeysNeedMarkingUntilNotedMarkedAndMarksOfOtherKeysAreIgnored() {
        DeliveredKeys.Builder builder = new DeliveredKeys.Builder(10); // fewer than added: it grows
        for (int i = 0; i < 1000; i++) {
            builder.add("key-" + i);
        }
        DeliveredKeys keys = builder.build();
        for (int i = 0; i < 1000; i += 3) {
            keys.noteMarked("key-" + i);
        }
        keys.noteMarked("elsewhere");

        assertThat(keys.size()).isEqualTo(1000);
        assertThat(keys.contains("elsewhere")).isFalse();
        assertThat(keys.needsMarking("elsewhere")).isFalse();
        for (int i = 0; i < 1000; i++) {
            assertThat(keys.needsMarking("key-" + i)).isEqualTo(i % 3 != 0);
        }
    }

    @Test
    void deliveredKeysFindEveryAddedKeyAndNoOther() {
        DeliveredKeys.Builder builder = new DeliveredKeys.Builder(2500);
        for (int i = 0; i < 5000; i += 2) {
            builder.add("key-" + i);
        }
        DeliveredKeys keys = builder.build();

        assertThat(keys.size()).isEqualTo(2500);
        for (int i = 0; i < 5000; i++) {
            assertThat(keys.contains("key-" + i)).isEqualTo(i % 2 == 0);
        }
    }
}
