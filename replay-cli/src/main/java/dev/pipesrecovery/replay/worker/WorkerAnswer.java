package dev.pipesrecovery.replay.worker;

/**
 * The worker's answer to state ReplayItem's Choice (cloudformation/replay.yaml): {@code {"done": true}} the item is
 * delivered; {@code {"done": false}} call again (the budget ran out; the checkpoint says where to go on);
 * {@code {"done": false, "waitSeconds": N}} an earlier chunk of the key is not DONE yet.
 */
final class WorkerAnswer {

    static final String DONE = "{\"done\":true}";
    static final String AGAIN = "{\"done\":false}";

    private WorkerAnswer() {}

    static String waitFor(int seconds) {
        return "{\"done\":false,\"waitSeconds\":" + seconds + "}";
    }
}
