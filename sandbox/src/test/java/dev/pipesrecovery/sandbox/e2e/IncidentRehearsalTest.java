package dev.pipesrecovery.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.sandbox.IncidentPlan;
import dev.pipesrecovery.sandbox.IncidentRehearsal;
import dev.pipesrecovery.sandbox.LocalDeployment;
import dev.pipesrecovery.sandbox.PhaseLog;
import dev.pipesrecovery.sandbox.RehearsalSettings;
import dev.pipesrecovery.sandbox.RehearsalTiming;
import dev.pipesrecovery.sandbox.SandboxStack;
import dev.pipesrecovery.sandbox.Verification;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's incident, end to end on the emulators, at test scale: the demo's verification table must hold. */
class IncidentRehearsalTest {

    @TempDir
    Path workDir;

    @Test
    void everyEventArrivesExactlyOnceInOrderAfterTheOutageIsRecovered() throws Exception {
        RehearsalSettings deployed = RehearsalSettings.load(Path.of(RehearsalSettings.DEFAULT_EXAMPLE));
        RehearsalSettings settings = deployed.withPipe(deployed.pipe().forPipe("e2e-orders", "e2e-orders"));
        IncidentPlan plan = IncidentPlan.small();
        try (SandboxStack stack = SandboxStack.shared(false);
                LocalDeployment deployment =
                        LocalDeployment.start(stack, settings, RehearsalTiming.test(), workDir, plan.shards())) {
            Verification verification =
                    new IncidentRehearsal(stack, deployment, new PhaseLog(System.out), workDir).run(plan);

            assertThat(verification.produced()).isEqualTo(plan.total());
            assertThat(verification.failed()).isEqualTo(plan.eventsDuringOutage());
            assertThat(verification.archived()).isEqualTo(plan.eventsDuringOutage());
            assertThat(verification.lost()).isZero();
            assertThat(verification.replayed()).isEqualTo(plan.eventsDuringOutage());
            assertThat(verification.deliveredOnce()).isEqualTo(plan.total());
            assertThat(verification.outOfOrder()).isZero();
            assertThat(verification.duplicates()).isZero();
            assertThat(verification.unidentified()).isZero();
            assertThat(verification.passed()).isTrue();
            // the pipe used the deployment's retry count: 1 + MaximumRetryAttempts calls per failed record
            assertThat(deployment.pipe().stats().customerErrors())
                    .isEqualTo(
                            (long) plan.eventsDuringOutage() * (settings.pipe().maximumRetryAttempts() + 1));
        }
    }
}
