package dev.pipesrecovery.replay.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code _runs/<runId>/execution.json} ({@link RunStateKeys}): the Step Functions execution a managed run started,
 * written once right after StartExecution (run.json is written before it, when the ARN is not known yet), so that
 * {@code status} can ask Step Functions about it from any machine.
 */
public record RunExecution(String executionArn, String startedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunExecution {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(
                    JSON.createObjectNode().put("executionArn", executionArn).put("startedAt", startedAt));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write execution.json", e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} has no execution ARN */
    public static RunExecution fromJson(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return new RunExecution(
                    node.path("executionArn").textValue(),
                    node.path("startedAt").asText("?"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an execution.json: " + e.getMessage(), e);
        }
    }
}
