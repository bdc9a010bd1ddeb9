package dev.pipesrecovery.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the files the tests check live, relative to the module directory (surefire's working directory). A missing
 * file fails the test with its path: the cross-checks must never pass because there was nothing to check.
 */
final class ProjectFiles {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPO = MODULE.getParent();
    static final Path CLOUDWATCH_SNIPPET = MODULE.resolve("cloudwatch/consumer-dashboard.yaml");
    static final Path AWS_METRICS = MODULE.resolve("aws-metrics.yaml");
    static final Path DATADOG_DIR = MODULE.resolve("datadog");
    static final Path DATADOG_DASHBOARD = DATADOG_DIR.resolve("dashboard.json");
    static final Path DATADOG_MONITORS = DATADOG_DIR.resolve("monitors");
    static final Path DATADOG_LOG_METRICS = DATADOG_DIR.resolve("log-metrics");
    static final Path DATADOG_CFN_TEMPLATE = DATADOG_DIR.resolve("datadog-monitors.yaml");
    static final Path PUSH_SCRIPT = DATADOG_DIR.resolve("push.sh");
    static final Path RUNBOOK = REPO.resolve("docs/runbook.md");
    static final Path CLOUDFORMATION_DIR = REPO.resolve("cloudformation");
    /** The templates the shared decisions name; their alarms and dashboard are cross-checked here. */
    static final List<String> REQUIRED_TEMPLATES = List.of("recovery.yaml", "pipe.yaml", "replay.yaml");

    private ProjectFiles() {}

    /** docs/runbook.md, read by the same parser triage takes its next commands with. */
    static dev.pipesrecovery.triage.Runbook runbook() {
        return dev.pipesrecovery.triage.Runbook.parse(read(RUNBOOK));
    }

    static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("expected file is missing: " + file);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
            if (json.isEmpty()) {
                throw new AssertionError("no .json files in " + dir);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** recovery.yaml, pipe.yaml and replay.yaml; fails (never skips) when the CloudFormation module has not provided them. */
    static List<Path> cloudFormationTemplates() {
        List<Path> templates =
                REQUIRED_TEMPLATES.stream().map(CLOUDFORMATION_DIR::resolve).toList();
        List<Path> missing =
                templates.stream().filter(t -> !Files.isRegularFile(t)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("CloudFormation templates missing: " + missing
                    + " — the alarm and dashboard cross-checks need them (cloudformation module)");
        }
        return templates;
    }
}
