package dev.pipesrecovery.replay.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * {@code _runs/<runId>/progress.json} ({@link RunStateKeys}): the totals of the local engine's latest attempt at a
 * run, written at most every {@link #CADENCE_SECONDS} s while it runs and once at its end, so that {@code status} can
 * tell how a run on another machine is doing. Counts are this attempt's (an earlier attempt's are in the key
 * checkpoints' {@code delivered}); "keys" count key segments saved (a key's records of one day, in the listing's
 * order). Readers ignore unknown fields.
 *
 * @param stopReason why the attempt stopped early (circuit breaker, journal), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunProgress(
        String startedAt,
        String updatedAt,
        boolean finished,
        long recordsSent,
        long recordsFailed,
        long recordsHeld,
        long recordsAlreadyDelivered,
        long keysDone,
        long keysFailed,
        long keysBlocked,
        String stopReason) {

    /** How often a running attempt rewrites it: one PUT per 10 s of a run, whatever its volume. */
    public static final int CADENCE_SECONDS = 10;

    /**
     * An unfinished attempt not rewritten for this long (six missed writes) has stopped: its machine or process is
     * gone (a kill, a closed laptop), and the same command on any machine resumes it.
     */
    public static final Duration STALLED_AFTER = Duration.ofSeconds(6L * CADENCE_SECONDS);

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RunProgress {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** True when the attempt is unfinished and was last rewritten over {@link #STALLED_AFTER} before {@code now}. */
    public boolean stalled(Instant now) {
        try {
            return !finished && Instant.parse(updatedAt).plus(STALLED_AFTER).isBefore(now);
        } catch (DateTimeParseException e) {
            return false; // not a time pipes-replay wrote: say nothing rather than guess
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write progress.json", e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not a progress object */
    public static RunProgress fromJson(byte[] json) {
        try {
            return JSON.readValue(json, RunProgress.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a progress.json: " + e.getMessage(), e);
        }
    }
}
