package dev.pipesrecovery.replay.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * The JSON form of a plan line. Readers ignore fields they do not know (a new field never breaks a worker); JSON
 * escapes control characters, so a partition key holding a line break stays on its line.
 */
public final class PlanLines {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanLines() {}

    /** One line, without its line break. */
    public static byte[] format(PlanItem item) {
        try {
            return JSON.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming what is wrong with the line */
    public static PlanItem parse(String line) {
        try {
            return JSON.readValue(line, PlanItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a plan line: " + e.getOriginalMessage(), e);
        }
    }
}
