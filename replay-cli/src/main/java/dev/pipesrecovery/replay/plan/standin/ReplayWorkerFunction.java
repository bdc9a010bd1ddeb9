package dev.pipesrecovery.replay.plan.standin;

/**
 * The replay worker as the state machine invokes it (cloudformation/replay.yaml, state ReplayItem): a JSON payload
 * {@code {"item": <plan line>, "run": {"runId", "rate", "concurrency"}}} in, a JSON answer
 * {@code {"done": true|false[, "waitSeconds": N]}} out; a thrown exception is a failed invocation.
 */
@FunctionalInterface
public interface ReplayWorkerFunction {

    String invoke(String payload) throws Exception;
}
