package dev.pipesrecovery.replay.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.replay.plan.PlanItem;
import dev.pipesrecovery.replay.plan.PlanLines;
import java.io.IOException;

/**
 * What the state machine sends the worker (cloudformation/replay.yaml, ItemSelector): {@code {"item": <plan line>,
 * "run": {"runId", "rate", "concurrency"}}}. {@code rate} is the run's total requests per second (0 = unlimited),
 * shared by up to {@code concurrency} workers at a time.
 */
record WorkerPayload(PlanItem item, String runId, double rate, int concurrency) {

    private static final ObjectMapper JSON = new ObjectMapper();

    WorkerPayload {
        if (!item.runId().equals(runId)) {
            throw new IllegalArgumentException(
                    "the plan item belongs to run " + item.runId() + ", the invocation to run " + runId);
        }
        if (rate < 0 || concurrency < 1) {
            throw new IllegalArgumentException(
                    "run.rate must be >= 0 and run.concurrency >= 1, were " + rate + " and " + concurrency);
        }
    }

    /** The rate one worker may send at: its share of the run's rate (0 stays unlimited). */
    double workerRate() {
        return rate / concurrency;
    }

    /** @throws IllegalArgumentException naming what is missing or malformed (never echoing the payload) */
    static WorkerPayload parse(String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the worker payload is not JSON");
        }
        if (root == null || !root.path("item").isObject() || !root.path("run").isObject()) {
            throw new IllegalArgumentException("the worker payload needs an object \"item\" and an object \"run\"");
        }
        JsonNode run = root.path("run");
        if (!run.path("runId").isTextual()
                || !run.path("rate").isNumber()
                || !run.path("concurrency").isInt()) {
            throw new IllegalArgumentException("the worker payload's \"run\" needs runId, rate and concurrency");
        }
        PlanItem item;
        try {
            item = PlanLines.parse(root.path("item").toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the worker payload's \"item\": " + e.getMessage());
        }
        return new WorkerPayload(
                item,
                run.path("runId").asText(),
                run.path("rate").asDouble(),
                run.path("concurrency").asInt());
    }
}
