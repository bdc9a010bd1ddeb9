package dev.pipesrecovery.replay.plan.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.replay.plan.ManagedRunInput;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A LOCAL STAND-IN for the Distributed Map of cloudformation/replay.yaml, for tests and rehearsals only: no
 * emulator here runs a DISTRIBUTED Map. It does what the definition says, not what Step Functions guarantees:
 * every plan item runs as one "child" on one of {@code concurrency} threads, which invokes the worker with the
 * payload the ItemSelector builds until it answers {@code done: true}, sleeps {@code waitSeconds} when the worker
 * asks, and counts any exception or answer without a boolean {@code done} as a failed item. Once more items failed
 * than {@code toleratedFailureCount} or {@code toleratedFailurePercentage} of all items allow, no new item starts.
 * Not modelled: Lambda retries on service errors, Map Run redrive, the execution history limit, ResultWriter.
 */
public final class LocalDistributedMapStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReplayWorkerFunction worker;
    private final Sleeper sleeper;

    public LocalDistributedMapStandIn(ReplayWorkerFunction worker, Sleeper sleeper) {
        this.worker = worker;
        this.sleeper = sleeper;
    }

    /** Runs every item of {@code plan} (the state machine's own defaults are not known here: pass both tolerances). */
    public StandInResult run(List<PlanItem> plan, ManagedRunInput run) throws InterruptedException {
        Iterator<PlanItem> items = plan.iterator();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong invocations = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService children = Executors.newFixedThreadPool(run.concurrency());
        try {
            for (int i = 0; i < run.concurrency(); i++) {
                children.submit(() -> {
                    PlanItem item;
                    while (!stopped.get() && (item = next(items)) != null) {
                        String failure = child(item, run, invocations);
                        if (failure == null) {
                            succeeded.incrementAndGet();
                        } else {
                            failures.add(failure);
                            if (beyondTolerance(failures.size(), plan.size(), run)) {
                                stopped.set(true);
                            }
                        }
                    }
                    return null;
                });
            }
        } finally {
            children.shutdown();
        }
        if (!children.awaitTermination(1, TimeUnit.HOURS)) {
            children.shutdownNow();
            throw new IllegalStateException("the stand-in Map Run did not finish within an hour");
        }
        return new StandInResult(succeeded.get(), failures, invocations.get(), stopped.get());
    }

    private static synchronized PlanItem next(Iterator<PlanItem> items) {
        return items.hasNext() ? items.next() : null;
    }

    /** One child workflow: the invoke/choice/wait loop of state ReplayItem; the failure's cause, or null when done. */
    private String child(PlanItem item, ManagedRunInput run, AtomicLong invocations) {
        String payload = payload(item, run);
        try {
            while (true) {
                invocations.incrementAndGet();
                JsonNode answer = JSON.readTree(worker.invoke(payload));
                JsonNode done = answer.path("done");
                if (!done.isBoolean()) {
                    return cause(item, run, "ReplayWorker.UnexpectedAnswer");
                }
                if (done.booleanValue()) {
                    return null;
                }
                if (answer.has("waitSeconds")) {
                    sleeper.sleep(Duration.ofSeconds(answer.path("waitSeconds").asLong()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cause(item, run, "interrupted");
        } catch (Exception e) {
            return cause(item, run, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** As ItemSelector builds it: the plan line as the item, the run's id, rate and concurrency. */
    static String payload(PlanItem item, ManagedRunInput run) {
        ObjectNode payload = JSON.createObjectNode();
        payload.set("item", JSON.valueToTree(item));
        payload.putObject("run")
                .put("runId", run.runId())
                .put("rate", run.rate())
                .put("concurrency", run.concurrency());
        return payload.toString();
    }

    /** As state RecordItemFailure words the cause. */
    private static String cause(PlanItem item, ManagedRunInput run, String why) {
        return "partition key " + item.partitionKey() + " chunk " + item.chunk() + " of run " + run.runId() + ": "
                + why;
    }

    /** Either tolerance, when set, can fail the run; with neither set no failure is tolerated. */
    private static boolean beyondTolerance(int failed, int items, ManagedRunInput run) {
        Integer count = run.toleratedFailureCount();
        Integer percentage = run.toleratedFailurePercentage();
        if (count == null && percentage == null) {
            return failed > 0;
        }
        return (count != null && failed > count) || (percentage != null && 100.0 * failed / items > percentage);
    }
}
