package dev.pipesrecovery.replay.plan;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a run's state lives in the archive bucket, beside the consumers:
 * {@code [<prefix>/]_runs/<runId>/run.json} (the run), {@code plan.jsonl} (the plan, {@link PlanItem}),
 * {@code keys/} (per-key checkpoints) and {@code report/} (the Map Run's ResultWriter output).
 */
public record RunKeys(String prefix, String runId) {

    /** A run id is also the Step Functions execution name: 1-80 of these characters. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    public static final String RUNS_SEGMENT = "_runs";

    public RunKeys {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(runId, "runId");
        prefix = prefix.replaceAll("^/+|/+$", "");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id must be 1-80 characters of A-Z a-z 0-9 _ . -: '" + runId + "'");
        }
    }

    /** {@code [<prefix>/]_runs/<runId>/} */
    public String runPrefix() {
        return (prefix.isEmpty() ? "" : prefix + '/') + RUNS_SEGMENT + '/' + runId + '/';
    }

    public String runJson() {
        return runPrefix() + "run.json";
    }

    public String plan() {
        return runPrefix() + "plan.jsonl";
    }

    public String checkpoints() {
        return runPrefix() + "keys/";
    }

    public String report() {
        return runPrefix() + "report/";
    }
}
