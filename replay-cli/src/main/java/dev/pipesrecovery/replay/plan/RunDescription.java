package dev.pipesrecovery.replay.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@code _runs/<runId>/run.json}: what a run replays and how, written once when it starts (so a second machine, a
 * worker or {@code status} sees the same run). The target is its identity (kind and name), never a credential;
 * times are ISO-8601 instants.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunDescription(String runId, String engine, String consumer, String from, String to,
                             String partitionKey, String status, String target, double rate, int concurrency,
                             String stateMachineArn, String startedAt, long planItems, long planRecords,
                             long planBytes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunDescription {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
