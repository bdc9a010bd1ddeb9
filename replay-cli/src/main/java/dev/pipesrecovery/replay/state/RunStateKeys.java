package dev.pipesrecovery.replay.state;

import dev.pipesrecovery.archive.KeyLayout;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one replay run keeps its state in the archive bucket, so that any machine (or a Step Functions worker) sees
 * the same truth: {@code [<prefix>/]_runs/<runId>/run.json} (what the run is), {@code .../keys/<encoded partition
 * key>[~<chunk>].json} (a key's checkpoint) and {@code .../plan.jsonl} (the plan of a distributed run). The partition
 * key segment is the archive key layout's own encoding, so it is a safe S3 key segment.
 */
public record RunStateKeys(String runDirectory) {

    /** Run ids are file- and key-safe: the local engine uses the run identity, a distributed run its own id. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public RunStateKeys {
        Objects.requireNonNull(runDirectory, "runDirectory");
    }

    /** @throws IllegalArgumentException for a run id that is not 1-128 of {@code A-Z a-z 0-9 . _ -} */
    public static RunStateKeys of(KeyLayout layout, String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is 1-128 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit: '" + runId + "'");
        }
        return new RunStateKeys(layout.runsPrefix() + runId + "/");
    }

    public String runJson() {
        return runDirectory + "run.json";
    }

    public String plan() {
        return runDirectory + "plan.jsonl";
    }

    /** @param chunk the chunk of a hot key split by a plan, or null for a whole key */
    public String checkpoint(String encodedPartitionKey, Integer chunk) {
        Objects.requireNonNull(encodedPartitionKey, "encodedPartitionKey");
        return runDirectory + "keys/" + encodedPartitionKey + (chunk == null ? "" : "~" + chunk) + ".json";
    }
}
