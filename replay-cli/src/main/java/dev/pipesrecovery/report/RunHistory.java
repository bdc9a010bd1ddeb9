package dev.pipesrecovery.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.archive.KeyLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The replay runs of a consumer, read from the local run reports ({@code <state-dir>/runs/*.json}) tolerantly: a
 * field may be missing, renamed fields of newer reports are looked for under each known name, and a file that is not
 * a report is named in {@code unreadable} rather than failing the command. A report that does not say its consumer
 * (explicitly, or through the archive keys of its plan's sample) is counted, not shown.
 *
 * @param withoutConsumer reports that do not say which consumer they replayed
 * @param unreadable      "file: why" of each file that is not a readable run report
 */
public record RunHistory(List<ReplayRun> runs, int withoutConsumer, List<String> unreadable) {

    /** The newest this many reports are read; an incident rarely has more runs, and each read costs a file. */
    static final int MAX_RUNS = 500;

    private static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunHistory {
        runs = List.copyOf(runs);
        unreadable = List.copyOf(unreadable);
    }

    /** One file's outcome: a run, or why there is none. */
    private record Read(ReplayRun run, String problem) {}

    /** The runs of {@code consumer} (every consumer when null) in {@code runsDir}, oldest first. */
    public static RunHistory read(Path runsDir, String consumer, KeyLayout layout) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return new RunHistory(List.of(), 0, List.of());
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(runsDir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .limit(MAX_RUNS)
                    .toList();
        }
        List<ReplayRun> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int withoutConsumer = 0;
        for (Path file : files) {
            Read read = readOne(file, layout);
            if (read.problem() != null) {
                unreadable.add(file.getFileName() + ": " + read.problem());
            } else if (read.run().consumer() == null) {
                withoutConsumer++;
            } else if (consumer == null || consumer.equals(read.run().consumer())) {
                runs.add(read.run());
            }
        }
        runs.sort(Comparator.comparing(ReplayRun::startedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ReplayRun::file));
        return new RunHistory(runs, withoutConsumer, unreadable);
    }

    private static Read readOne(Path file, KeyLayout layout) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_REPORT_BYTES) {
                return new Read(null, "larger than " + MAX_REPORT_BYTES / 1024 / 1024 + " MiB");
            }
            JsonNode report = JSON.readTree(file.toFile());
            if (report == null || !report.isObject()) {
                return new Read(null, "not a JSON object");
            }
            JsonNode summary = report.path("summary");
            JsonNode plan = report.path("plan");
            BlockedKeys blocked = BlockedKeys.of(summary);
            return new Read(
                    new ReplayRun(
                            name,
                            text(summary, "runId"),
                            instant(text(summary, "startedAt")),
                            summary.path("durationMillis").isNumber()
                                    ? summary.path("durationMillis").asLong()
                                    : null,
                            text(summary, "target"),
                            consumer(report, layout).orElse(null),
                            summary.path("delivered").asLong(),
                            summary.path("failed").asLong(),
                            summary.path("notAttempted").asLong(),
                            summary.path("skippedAlreadyDelivered").asLong(),
                            blocked.count(),
                            blocked.keys(),
                            text(summary, "circuitBreaker")),
                    null);
        } catch (IOException e) {
            return new Read(null, "not JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** An explicit consumer field (newer reports), else the consumer of the first parseable sample key. */
    private static Optional<String> consumer(JsonNode report, KeyLayout layout) {
        for (JsonNode candidate : List.of(
                report.path("selection"),
                report.path("plan").path("selection"),
                report.path("plan"),
                report.path("summary"))) {
            String consumer = text(candidate, "consumer");
            if (consumer != null) {
                return Optional.of(consumer);
            }
        }
        for (JsonNode key : report.path("plan").path("sample")) {
            try {
                return Optional.of(layout.parse(key.asText()).consumer());
            } catch (IllegalArgumentException e) {
                // not an archive key under this prefix: try the next one
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
