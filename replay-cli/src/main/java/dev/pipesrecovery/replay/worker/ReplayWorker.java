package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.replay.engine.EngineTime;
import dev.pipesrecovery.replay.plan.standin.ReplayWorkerFunction;
import dev.pipesrecovery.replay.target.ReplayTarget;
import java.time.Duration;
import java.util.Objects;

/**
 * The replay worker of a managed run (cloudformation/replay.yaml, state ReplayItem): sends the records of ONE plan
 * item, in order, and answers the state machine whether the item is done.
 */
public final class ReplayWorker {

    private final ArchiveStore store;
    private final KeyLayout layout;
    private final ReplayTarget target;
    private final String consumer;
    private final EngineTime time;

    public ReplayWorker(ArchiveStore store, KeyLayout layout, ReplayTarget target, String consumer, EngineTime time) {
        this.store = Objects.requireNonNull(store, "store");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.target = Objects.requireNonNull(target, "target");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * One invocation: the state machine's payload in, the answer JSON out.
     *
     * @param budget how long it may send before answering done:false
     * @throws ReplayItemFailed when the item ends FAILED or BLOCKED: its message is the cause the Fail state shows
     *     (never a payload)
     */
    public String invoke(String payload, Duration budget) throws InterruptedException {
        throw new UnsupportedOperationException("not built yet: the API is committed first for the Lambda handler");
    }

    /** The worker as {@code LocalDistributedMapStandIn} invokes it, each invocation with the same budget. */
    public ReplayWorkerFunction withBudget(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        return payload -> invoke(payload, budget);
    }
}
