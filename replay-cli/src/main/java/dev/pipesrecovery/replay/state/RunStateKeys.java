package dev.pipesrecovery.replay.state;

import dev.pipesrecovery.archive.KeyLayout;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one replay run keeps its state in the archive bucket, beside the consumers, so that any machine, a Step
 * Functions worker or {@code status} sees the same truth: {@code [<prefix>/]_runs/<runId>/run.json} (what the run is,
 * {@link RunDescription}), {@code plan.jsonl} (the plan of a managed run), {@code execution.json} (a managed run's
 * execution, {@link RunExecution}), {@code progress.json} (a local run's totals, {@link RunProgress}), {@code
 * keys/<consumer>/<encoded partition key>[~<chunk>].json} (a key's checkpoint, {@link KeyCheckpoint}; one partition key
 * may be in several consumers' archives) and {@code report/} (the Map Run's ResultWriter output). The partition-key segment is the archive key layout's own encoding, so it is a safe S3 key segment.
 *
 * @param runsPrefix {@code [<prefix>/]_runs/} ({@link KeyLayout#runsPrefix()})
 */
public record RunStateKeys(String runsPrefix, String runId) {

    /**
     * File- and key-safe, and a valid Step Functions execution name (at most 80 characters): the local engine uses
     * its run identity, a managed run its run id.
     */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /** @throws IllegalArgumentException for a run id that is not 1-80 of {@code A-Z a-z 0-9 . _ -} */
    public RunStateKeys {
        Objects.requireNonNull(runsPrefix, "runsPrefix");
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is 1-80 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit: '" + runId + "'");
        }
    }

    public static RunStateKeys of(KeyLayout layout, String runId) {
        return new RunStateKeys(layout.runsPrefix(), runId);
    }

    /** {@code [<prefix>/]_runs/<runId>/} */
    public String runDirectory() {
        return runsPrefix + runId + "/";
    }

    public String runJson() {
        return runDirectory() + "run.json";
    }

    public String plan() {
        return runDirectory() + "plan.jsonl";
    }

    /** A managed run's execution ({@link RunExecution}). */
    public String execution() {
        return runDirectory() + "execution.json";
    }

    /** A local run's totals ({@link RunProgress}). */
    public String progress() {
        return runDirectory() + "progress.json";
    }

    /** {@code .../keys/}: where the checkpoints are. */
    public String checkpoints() {
        return runDirectory() + "keys/";
    }

    /**
     * {@code .../keys/<consumer>/<encoded key>[~<chunk>].json}: a consumer name never contains '/' ({@code
     * ConsumerName}), and the key's encoding is the archive layout's, so both are single safe segments.
     *
     * @param chunk the chunk of a hot key split by a plan, or null for a whole key
     */
    public String checkpoint(String consumer, String encodedPartitionKey, Integer chunk) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(encodedPartitionKey, "encodedPartitionKey");
        return checkpoints() + consumer + "/" + encodedPartitionKey + (chunk == null ? "" : "~" + chunk) + ".json";
    }

    /** {@code .../report/}: the Map Run's ResultWriter output. */
    public String report() {
        return runDirectory() + "report/";
    }
}
