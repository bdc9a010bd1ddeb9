package dev.pipesrecovery.replay.plan.s3;

import dev.pipesrecovery.replay.plan.PlanSummary;
import dev.pipesrecovery.replay.plan.PlanWriter;
import dev.pipesrecovery.replay.selection.Selection;
import dev.pipesrecovery.replay.state.RunStateKeys;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts a run's plan at {@code _runs/<runId>/plan.jsonl}: written to a temporary file as the selection is listed (a
 * million lines never sit in memory), then uploaded once from the file. The upload is conditional
 * ({@code If-None-Match: *}): a run's plan is never replaced, so a running Map Run never reads a changed plan.
 */
public final class S3PlanUpload {

    private final S3Client s3;
    private final String bucket;

    public S3PlanUpload(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public PlanSummary publish(PlanWriter writer, RunStateKeys run, Selection selection) {
        Path file = null;
        try {
            file = Files.createTempFile("pipes-replay-plan-", ".jsonl");
            PlanSummary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                summary = writer.write(run.runId(), selection, out);
            }
            s3.putObject(
                    b -> b.bucket(bucket).key(run.plan()).ifNoneMatch("*").contentType("application/jsonl"),
                    RequestBody.fromFile(file));
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plan to a temporary file: " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a left-over temporary file is harmless; the plan's outcome is what matters
            }
        }
    }
}
