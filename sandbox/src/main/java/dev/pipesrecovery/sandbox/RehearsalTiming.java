package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.sandbox.esm.EsmSettings;
import dev.pipesrecovery.sandbox.pipe.StandInOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * The local timings of a rehearsal, compressed from the deployment's (minutes of pipe backoff and a 720 s
 * visibility timeout would make a rehearsal last hours). The numbers that decide what happens (retry counts,
 * batch sizes, receive counts) still come from pipe.yaml.
 *
 * @param kinesisReadsOverride  the hydrate function's {@code KINESIS_MAX_READS_PER_SECOND} instead of
 *                              recovery.yaml's, or 0 to use the deployment's
 * @param phaseTimeout          how long a phase may take before the rehearsal gives up
 * @param replayRate            {@code pipes-replay replay --rate} (0 = unlimited)
 */
public record RehearsalTiming(
        StandInOptions pipe, EsmSettings esm, int kinesisReadsOverride, Duration phaseTimeout, int replayRate) {

    public RehearsalTiming {
        Objects.requireNonNull(pipe, "pipe");
        Objects.requireNonNull(esm, "esm");
        Objects.requireNonNull(phaseTimeout, "phaseTimeout");
    }

    /**
     * The demo: the pipe polls each shard once a second and the hydrate function reads at the deployment's
     * {@code KinesisMaxReadsPerSecond}, so together they stay within Kinesis' 5 reads per second per shard, as in
     * production; the event source mapping batches as deployed (batch size and window, see {@link EsmSettings#deployed}).
     */
    public static RehearsalTiming demo() {
        StandInOptions pipe = new StandInOptions(
                Duration.ofMillis(2),
                Duration.ofMillis(40),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                StandInOptions.ClientErrorHandling.RETRY_AS_CUSTOMER_ERROR,
                true);
        EsmSettings esm = new EsmSettings(
                10, Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(60));
        return new RehearsalTiming(pipe, esm, 0, Duration.ofMinutes(5), 500);
    }

    /**
     * Tests: faster polling and reads (5/s), short visibility timeout for quick redelivery, a batching window of at
     * most 1 s, unlimited replay rate.
     */
    public static RehearsalTiming test() {
        EsmSettings esm = new EsmSettings(
                10, Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(1));
        return new RehearsalTiming(StandInOptions.rehearsal(), esm, 5, Duration.ofSeconds(90), 0);
    }

    /**
     * How long one replay worker invocation may send before it answers {@code done: false} in a managed replay's
     * rehearsal: the deployed function's timeout (900 s) would never run out at a rehearsal's volume, so the child
     * workflow's continuation loop would go untried.
     */
    public Duration workerInvocationBudget() {
        return Duration.ofSeconds(3);
    }

    public RehearsalTiming withEsm(EsmSettings newEsm) {
        return new RehearsalTiming(pipe, newEsm, kinesisReadsOverride, phaseTimeout, replayRate);
    }
}
