package dev.pipesrecovery.replay.selection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The S3 object tags a replay writes (so {@code --status} can select by them). S3 allows 10 tags per object, keys
 * up to 128 and values up to 256 characters (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html).
 * Tags not written by pipes-replay ("foreign" tags) are kept. When they leave too little room, the run id and time
 * are left out first; only if even the status (and error code) would not fit are foreign tags dropped, the last ones
 * in key order first, and reported — the status is what keeps a record from being selected and sent again.
 */
public final class ReplayTags {

    public static final String STATUS = "pipes-replay:status";
    public static final String RUN_ID = "pipes-replay:run-id";
    public static final String REPLAYED_AT = "pipes-replay:replayed-at";
    public static final String FAILED_AT = "pipes-replay:failed-at";
    public static final String ERROR = "pipes-replay:error";
    public static final String REPLAYED = "replayed";
    public static final String FAILED = "failed";

    /** S3's limit of tags per object. */
    public static final int MAX_TAGS = 10;

    private static final int MAX_VALUE_CHARS = 256;

    /** The tags to write, and the foreign tags that had to go to make room for the status. */
    public record TagSet(Map<String, String> tags, List<String> droppedForeignKeys) {

        public TagSet {
            tags = Map.copyOf(tags);
            droppedForeignKeys = List.copyOf(droppedForeignKeys);
        }
    }

    private ReplayTags() {}

    public static TagSet replayed(Map<String, String> existing, String runId, Instant at) {
        return compose(existing, Map.of(STATUS, REPLAYED), optional(RUN_ID, runId, REPLAYED_AT, at));
    }

    public static TagSet failed(Map<String, String> existing, String runId, Instant at, String errorCode) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put(STATUS, FAILED);
        required.put(ERROR, tagValue(errorCode));
        return compose(existing, required, optional(RUN_ID, runId, FAILED_AT, at));
    }

    private static Map<String, String> optional(String runIdKey, String runId, String atKey, Instant at) {
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put(runIdKey, runId);
        optional.put(atKey, at.toString());
        return optional;
    }

    private static TagSet compose(
            Map<String, String> existing, Map<String, String> required, Map<String, String> optional) {
        TreeMap<String, String> foreign = new TreeMap<>();
        existing.forEach((key, value) -> {
            if (!key.startsWith("pipes-replay:")) {
                foreign.put(key, value);
            }
        });
        List<String> dropped = new ArrayList<>();
        while (foreign.size() + required.size() > MAX_TAGS) {
            dropped.add(0, foreign.pollLastEntry().getKey());
        }
        Map<String, String> tags = new LinkedHashMap<>(foreign);
        tags.putAll(required);
        optional.forEach((key, value) -> {
            if (tags.size() < MAX_TAGS) {
                tags.put(key, value);
            }
        });
        return new TagSet(tags, dropped);
    }

    /** Tag values allow letters, digits, spaces and {@code + - = . _ : / @}; anything else becomes {@code _}. */
    static String tagValue(String value) {
        String cleaned = value.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "_");
        return cleaned.length() > MAX_VALUE_CHARS ? cleaned.substring(0, MAX_VALUE_CHARS) : cleaned;
    }
}
