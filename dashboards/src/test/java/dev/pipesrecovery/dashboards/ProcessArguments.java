package dev.pipesrecovery.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The argument vectors of every process on this machine, as {@code ps} shows them to any local user: Linux's
 * {@code /proc/<pid>/cmdline} (NUL-separated). A process that ends while being read is skipped.
 */
final class ProcessArguments {
    private static final Path PROC = Path.of("/proc");

    private ProcessArguments() {}

    static List<List<String>> all() {
        if (!Files.isDirectory(PROC)) {
            throw new AssertionError("this test reads process arguments from /proc: run it on Linux");
        }
        List<List<String>> processes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> read(p.resolve("cmdline"), processes));
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return processes;
    }

    /**
     * The argument vectors of this JVM's descendants only: the processes a test started. Other builds on a shared
     * machine run the same scripts at the same time, and their processes are not the test's.
     */
    static List<List<String>> ofDescendants() {
        List<List<String>> processes = new ArrayList<>();
        ProcessHandle.current()
                .descendants()
                .forEach(p -> read(PROC.resolve(Long.toString(p.pid())).resolve("cmdline"), processes));
        return processes;
    }

    private static void read(Path cmdline, List<List<String>> into) {
        try {
            String text = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
            if (!text.isEmpty()) {
                into.add(Arrays.asList(text.split("\0")));
            }
        } catch (IOException e) {
            // the process ended between listing and reading: nothing to see
        }
    }
}
