package dev.pipesrecovery.replay.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's failures, one JSON line each ({@code kind}, {@code key}, {@code code}, {@code message}), next to the
 * report: the summary only counts them. Kinds: {@code failed}, {@code skipped}, {@code blocked} (held back behind an
 * earlier undelivered record of its key), {@code mark-failed}, {@code warning}. Streams to disk, so a run with many
 * failures stays in a fixed heap. Never payload bytes. Never throws: a line it cannot write is counted, and the
 * first problem is reported in the summary (the run itself goes on: the journal, not this file, keeps it correct).
 */
final class FailureLog implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;
    private BufferedWriter writer;
    private long lines;
    private String problem;

    FailureLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized long lines() {
        return lines;
    }

    void failed(String key, String code, String message) {
        write("failed", key, code, message);
    }

    void skipped(String key, String code, String message) {
        write("skipped", key, code, message);
    }

    void markingFailed(String key, String message) {
        write("mark-failed", key, "TaggingFailed", message);
    }

    void blocked(String key, String message) {
        write("blocked", key, "KeyBlocked", message);
    }

    void warning(String key, String code, String message) {
        write("warning", key, code, message);
    }

    /** Why lines could not be written, or null. */
    synchronized String problem() {
        return problem;
    }

    private synchronized void write(String kind, String key, String code, String message) {
        ObjectNode line = MAPPER.createObjectNode()
                .put("kind", kind)
                .put("key", key)
                .put("code", code)
                .put("message", message);
        try {
            if (writer == null) {
                Files.createDirectories(file.getParent());
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            writer.write(MAPPER.writeValueAsString(line));
            writer.newLine();
            lines++;
        } catch (IOException e) {
            if (problem == null) {
                problem = "cannot write " + file + ": " + e.getMessage();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                if (problem == null) {
                    problem = "cannot write " + file + ": " + e.getMessage();
                }
            }
        }
    }
}
