package dev.pipesrecovery.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rehearsal reads the repository's own pipe template and example, as the demo does. */
class RehearsalSettingsTest {

    @Test
    void theDemoExampleGivesAPipeTheStandInCanRun() {
        RehearsalSettings settings = RehearsalSettings.load(Path.of(RehearsalSettings.DEFAULT_EXAMPLE));
        assertThat(settings.pipe().pipeName()).isEqualTo("orders-api");
        assertThat(settings.pipe().batchSize()).isEqualTo(1);
        assertThat(settings.pipe().maximumRetryAttempts()).isBetween(0, 20);
        assertThat(settings.dlqMaxReceiveCount()).isPositive();
        assertThat(settings.hydrateBatchSize()).isBetween(1, 10_000);
        // the local event source mapping gathers the deployment's batches, with a window where Lambda needs one
        var esm = RehearsalTiming.test()
                .esm()
                .deployed(
                        settings.hydrateBatchSize(),
                        java.time.Duration.ofSeconds(settings.hydrateBatchingWindowSeconds()));
        assertThat(esm.batchSize()).isEqualTo(settings.hydrateBatchSize());
        assertThat(esm.batchSize() <= 10 || esm.batchingWindow().toSeconds() >= 1)
                .isTrue();
        assertThat(settings.describe()).contains("pipe.yaml").contains("orders-api.json");
    }

    @Test
    void theTemplateAloneLacksThePipeNameAndSaysSo() {
        assertThatThrownBy(() -> RehearsalSettings.load(null)).hasMessageContaining("PipeName");
    }

    @Test
    void aMissingParameterFileIsNamed() {
        assertThatThrownBy(() -> RehearsalSettings.load(Path.of("cloudformation/examples/nope.json")))
                .hasMessageContaining("nope.json")
                .hasMessageContaining("does not exist");
    }
}
