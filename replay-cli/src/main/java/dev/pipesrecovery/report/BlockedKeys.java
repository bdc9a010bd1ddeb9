package dev.pipesrecovery.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a replay run blocked (a key whose record failed for good stops, so its later records are not sent out of
 * order), as newer run reports record them: {@code blockedKeys} as strings or as objects with a
 * {@code partitionKey}/{@code key}, and a count under {@code blocked}, {@code blockedRecords} or {@code blockedKeys}.
 * Absent in older reports: zero.
 */
record BlockedKeys(long count, List<String> keys) {

    /** The report shows this many blocked keys per run; the count says how many there were. */
    static final int SHOWN = 20;

    static BlockedKeys of(JsonNode summary) {
        JsonNode list = summary.path("blockedKeys");
        List<String> keys = new ArrayList<>();
        for (JsonNode entry : list) {
            JsonNode key = entry.isObject()
                    ? entry.has("partitionKey") ? entry.get("partitionKey") : entry.path("key")
                    : entry;
            if (key.isValueNode() && !key.isNull() && keys.size() < SHOWN) {
                keys.add(key.asText());
            }
        }
        long count = list.isArray() ? list.size() : list.isNumber() ? list.asLong() : 0;
        for (String field : List.of("blocked", "blockedRecords")) {
            if (summary.path(field).isNumber()) {
                count = Math.max(count, summary.path(field).asLong());
            }
        }
        return new BlockedKeys(count, List.copyOf(keys));
    }
}
