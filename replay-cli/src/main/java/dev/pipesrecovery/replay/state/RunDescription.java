package dev.pipesrecovery.replay.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.replay.selection.Selection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code _runs/<runId>/run.json} ({@link RunStateKeys}): what a run replays and how, written once when it starts (a
 * conditional write: two machines starting the same run keep one), so a second machine, a worker or {@code status}
 * sees the same run. The target is its identity (kind and name), never a credential; times are ISO-8601 instants.
 * One record for both engines: the local one leaves the state machine and the plan counts out.
 *
 * @param consumer null when the selection names none (the local engine may replay every consumer)
 * @param planRecords a managed run's planned records: with status {@code pending} an upper bound (the plan reads no
 *     tags; the workers pass over what is delivered), as are {@code planItems} and {@code planBytes}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunDescription(
        String runId,
        String engine,
        String consumer,
        String from,
        String to,
        String partitionKey,
        String status,
        String target,
        double rate,
        int concurrency,
        String stateMachineArn,
        String startedAt,
        long planItems,
        long planRecords,
        long planBytes) {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunDescription {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** A run of the local engine ({@code engine} "local"): no state machine, no plan. */
    public static RunDescription local(
            String runId, Selection selection, String target, double rate, int concurrency, Instant startedAt) {
        return new RunDescription(
                runId,
                "local",
                selection.consumer(),
                text(selection.from()),
                text(selection.to()),
                selection.partitionKey(),
                selection.status().name().toLowerCase(Locale.ROOT),
                target,
                rate,
                concurrency,
                null,
                startedAt.toString(),
                0,
                0,
                0);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Readers ignore unknown fields (a newer writer never breaks an older reader).
     *
     * @throws IllegalArgumentException when {@code json} is not a run description (no run id, engine or start)
     */
    public static RunDescription fromJson(byte[] json) {
        try {
            return JSON.readValue(json, RunDescription.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a run.json: " + e.getMessage(), e);
        }
    }
}
