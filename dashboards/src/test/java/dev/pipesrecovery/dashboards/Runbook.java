package dev.pipesrecovery.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/runbook.md as the tests read it: the {@code ## <id>} sections, the {@code pipes-replay} commands of its
 * {@code ```bash} blocks (continuation lines joined) and the {@code export NAME=value} lines that set the variables
 * those commands use.
 */
final class Runbook {
    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z_][A-Z0-9_]*)=(\\S+)");

    /** A command and the section it appears in. */
    record Command(String section, String text) {
    }

    private final List<String> sections = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, String> exports = new LinkedHashMap<>();

    private Runbook() {
    }

    static Runbook load() {
        return parse(ProjectFiles.read(ProjectFiles.RUNBOOK));
    }

    static Runbook parse(String markdown) {
        Runbook runbook = new Runbook();
        String section = "(preamble)";
        boolean inBash = false;
        boolean inOtherFence = false;
        StringBuilder pending = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (!inBash && !inOtherFence && line.startsWith("## ")) {
                section = line.substring(3).strip();
                runbook.sections.add(section);
            } else if (!inBash && !inOtherFence && trimmed.startsWith("```")) {
                inBash = trimmed.equals("```bash");
                inOtherFence = !inBash;
            } else if ((inBash || inOtherFence) && trimmed.equals("```")) {
                inBash = false;
                inOtherFence = false;
            } else if (inBash) {
                pending.append(trimmed.endsWith("\\") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                if (trimmed.endsWith("\\")) {
                    pending.append(' ');
                    continue;
                }
                runbook.take(section, pending.toString().strip());
                pending.setLength(0);
            }
        }
        return runbook;
    }

    private void take(String section, String line) {
        if (line.startsWith("pipes-replay ") || line.equals("pipes-replay")) {
            commands.add(new Command(section, line));
        }
        Matcher export = EXPORT.matcher(line);
        if (export.find()) {
            exports.put(export.group(1), export.group(2));
        }
    }

    List<String> sections() {
        return List.copyOf(sections);
    }

    List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Variables set with {@code export NAME=value}; a value computed with {@code $(...)} is kept as written. */
    Map<String, String> exports() {
        return Map.copyOf(exports);
    }
}
