package dev.pipesrecovery.replay;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The S3 object tags a replay writes (so {@code --status} can select by them). S3 allows 10 tags per object, keys
 * up to 128 and values up to 256 characters (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html);
 * tags not written by pipes-replay are kept.
 */
public final class ReplayTags {

    public static final String STATUS = "pipes-replay:status";
    public static final String RUN_ID = "pipes-replay:run-id";
    public static final String REPLAYED_AT = "pipes-replay:replayed-at";
    public static final String FAILED_AT = "pipes-replay:failed-at";
    public static final String ERROR = "pipes-replay:error";
    public static final String REPLAYED = "replayed";
    public static final String FAILED = "failed";

    private static final int MAX_VALUE_CHARS = 256;

    private ReplayTags() {
    }

    public static Map<String, String> replayed(Map<String, String> existing, String runId, Instant at) {
        Map<String, String> tags = withoutOurs(existing);
        tags.put(STATUS, REPLAYED);
        tags.put(RUN_ID, runId);
        tags.put(REPLAYED_AT, at.toString());
        return tags;
    }

    public static Map<String, String> failed(Map<String, String> existing, String runId, Instant at, String errorCode) {
        Map<String, String> tags = withoutOurs(existing);
        tags.put(STATUS, FAILED);
        tags.put(RUN_ID, runId);
        tags.put(FAILED_AT, at.toString());
        tags.put(ERROR, tagValue(errorCode));
        return tags;
    }

    private static Map<String, String> withoutOurs(Map<String, String> existing) {
        Map<String, String> tags = new HashMap<>();
        existing.forEach((key, value) -> {
            if (!key.startsWith("pipes-replay:")) {
                tags.put(key, value);
            }
        });
        return tags;
    }

    /** Tag values allow letters, digits, spaces and {@code + - = . _ : / @}; anything else becomes {@code _}. */
    static String tagValue(String value) {
        String cleaned = value.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "_");
        return cleaned.length() > MAX_VALUE_CHARS ? cleaned.substring(0, MAX_VALUE_CHARS) : cleaned;
    }
}
