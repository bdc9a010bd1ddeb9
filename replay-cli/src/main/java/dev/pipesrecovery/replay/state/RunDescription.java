package dev.pipesrecovery.replay.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.replay.selection.Selection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code run.json}: what a run replays and how, without secrets (the target as the plan prints it: endpoint, method,
 * connection name and auth type, never a credential). Written once, when the run starts for the first time.
 */
public record RunDescription(String runId, Selection selection, String target, String engine, Instant startedAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RunDescription {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public byte[] toJson() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("runId", runId);
        ObjectNode chosen = node.putObject("selection");
        chosen.put("consumer", selection.consumer());
        chosen.put("from", selection.from() == null ? null : selection.from().toString());
        chosen.put("to", selection.to() == null ? null : selection.to().toString());
        chosen.put("partitionKey", selection.partitionKey());
        chosen.put("status", selection.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("target", target);
        node.put("engine", engine);
        node.put("startedAt", startedAt.toString());
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
