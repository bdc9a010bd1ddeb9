package dev.pipesrecovery.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.replay.state.KeyCheckpoint;
import dev.pipesrecovery.sandbox.IncidentPlan;
import dev.pipesrecovery.sandbox.IncidentRehearsal;
import dev.pipesrecovery.sandbox.LocalDeployment;
import dev.pipesrecovery.sandbox.PhaseLog;
import dev.pipesrecovery.sandbox.RehearsalSettings;
import dev.pipesrecovery.sandbox.RehearsalTiming;
import dev.pipesrecovery.sandbox.ReplayEngineChoice;
import dev.pipesrecovery.sandbox.SandboxStack;
import dev.pipesrecovery.sandbox.Verification;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The README's incident, end to end on the emulators, at test scale: the demo's verification table must hold. */
class IncidentRehearsalTest {

    @TempDir
    Path workDir;

    @Test
    void everyEventArrivesExactlyOnceInOrderAfterTheOutageIsRecovered() throws Exception {
        rehearse("e2e-orders", ReplayEngineChoice.LOCAL, (stack, deployment) -> {
            assertThat(runObjects(stack, deployment, "plan.jsonl"))
                    .as("no plan: the local engine")
                    .isEmpty();
        });
    }

    /**
     * The managed engine's path (issue 12): pipes-replay writes the plan, the stand-in Distributed Map runs every line
     * through the real replay worker, and the partner still sees every event once and in order per key.
     */
    @Test
    void everyEventArrivesOnceInOrderWhenTheReplayRunsAsAManagedJobOnTheMapStandIn() throws Exception {
        rehearse("e2e-managed", ReplayEngineChoice.MANAGED, (stack, deployment) -> {
            assertThat(runObjects(stack, deployment, "plan.jsonl")).hasSize(1);
            List<S3Object> checkpoints = runObjects(stack, deployment, ".json").stream()
                    .filter(object -> object.key().contains("/keys/"))
                    .toList();
            assertThat(checkpoints).as("one checkpoint per plan item").isNotEmpty();
            for (S3Object checkpoint : checkpoints) {
                KeyCheckpoint saved = KeyCheckpoint.fromJson(stack.s3()
                        .getObjectAsBytes(
                                b -> b.bucket(deployment.topology().bucket()).key(checkpoint.key()))
                        .asByteArray());
                assertThat(saved.status()).as(checkpoint.key()).isEqualTo(KeyCheckpoint.Status.DONE);
            }
        });
    }

    private interface RunCheck {
        void check(SandboxStack stack, LocalDeployment deployment);
    }

    private void rehearse(String pipeName, ReplayEngineChoice engine, RunCheck runCheck) throws Exception {
        RehearsalSettings deployed = RehearsalSettings.load(Path.of(RehearsalSettings.DEFAULT_EXAMPLE));
        RehearsalSettings settings = deployed.withPipe(deployed.pipe().forPipe(pipeName, pipeName));
        IncidentPlan plan = IncidentPlan.small();
        try (SandboxStack stack = SandboxStack.shared(false);
                LocalDeployment deployment =
                        LocalDeployment.start(stack, settings, RehearsalTiming.test(), workDir, plan.shards())) {
            Verification verification =
                    new IncidentRehearsal(stack, deployment, new PhaseLog(System.out), workDir, engine).run(plan);

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
            runCheck.check(stack, deployment);
        }
    }

    /** Objects under the archive's {@code _runs/} whose key ends with {@code suffix}. */
    private static List<S3Object> runObjects(SandboxStack stack, LocalDeployment deployment, String suffix) {
        String prefix = deployment.settings().archivePrefix();
        String runs = (prefix == null || prefix.isEmpty() ? "" : prefix + "/") + "_runs/";
        return stack
                .s3()
                .listObjectsV2Paginator(
                        b -> b.bucket(deployment.topology().bucket()).prefix(runs))
                .contents()
                .stream()
                .filter(object -> object.key().endsWith(suffix))
                .toList();
    }
}
