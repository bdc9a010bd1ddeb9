package dev.pipesrecovery.replay.run;

import dev.pipesrecovery.replay.selection.Selection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names for a replay. The run <em>identity</em> is a hash of what is replayed and where (archive, selection,
 * target): running the same command again finds the same journal and resumes. The run <em>id</em> names one
 * execution (tags, report file, the {@code X-Pipes-Replay-Run-Id} header).
 */
public final class RunIdentity {

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIdentity() {}

    public static String identity(String bucket, String prefix, Selection selection, String targetIdentity) {
        String text =
                "bucket=" + bucket + "|prefix=" + prefix + "|" + selection.canonical() + "|target=" + targetIdentity;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    public static String newRunId(Instant now) {
        return RUN_ID_TIME.format(now) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
