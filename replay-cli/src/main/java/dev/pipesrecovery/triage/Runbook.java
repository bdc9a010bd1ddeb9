package dev.pipesrecovery.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/runbook.md as code reads it: the {@code ## <id>} sections (one per alarm id), the commands of its
 * {@code ```bash} blocks (continuation lines joined) and the {@code export NAME=value} lines that set the variables
 * those commands use. The runbook is the one place the commands live: triage takes its next steps from it (the jar
 * carries a copy, {@link #bundled()}), and the dashboards tests parse every {@code pipes-replay} command in it with
 * the real command line.
 */
public final class Runbook {

    private static final String RESOURCE = "/dev/pipesrecovery/triage/runbook.md";
    private static final Pattern EXPORT = Pattern.compile("^export ([A-Z_][A-Z0-9_]*)=(\\S+)");

    /**
     * A command and where it is: {@code section} is the {@code ## } id it falls under ("(preamble)" before the first),
     * {@code anchor} the GitHub anchor of its nearest heading of any level.
     */
    public record Command(String section, String anchor, String text) {}

    private final List<String> sections = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, String> exports = new LinkedHashMap<>();

    private Runbook() {}

    /** The copy of docs/runbook.md the build puts into the jar. */
    public static Runbook bundled() {
        try (InputStream in = Runbook.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the runbook is missing from the jar (" + RESOURCE + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Runbook parse(String markdown) {
        Runbook runbook = new Runbook();
        String section = "(preamble)";
        String anchor = "";
        boolean inBash = false;
        boolean inOtherFence = false;
        StringBuilder pending = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (!inBash && !inOtherFence && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "");
                anchor = anchor(title);
                if (line.startsWith("## ")) {
                    section = title.strip();
                    runbook.sections.add(section);
                }
            } else if (!inBash && !inOtherFence && trimmed.startsWith("```")) {
                inBash = trimmed.equals("```bash");
                inOtherFence = !inBash;
            } else if ((inBash || inOtherFence) && trimmed.equals("```")) {
                inBash = false;
                inOtherFence = false;
            } else if (inBash && !trimmed.isEmpty()) {
                boolean continued = trimmed.endsWith("\\");
                pending.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                if (continued) {
                    pending.append(' ');
                    continue;
                }
                runbook.take(section, anchor, pending.toString().strip());
                pending.setLength(0);
            }
        }
        return runbook;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces as dashes. */
    static String anchor(String title) {
        return title.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private void take(String section, String anchor, String line) {
        commands.add(new Command(section, anchor, line));
        Matcher export = EXPORT.matcher(line);
        if (export.find()) {
            exports.put(export.group(1), export.group(2));
        }
    }

    /** The {@code ## } ids, in order. */
    public List<String> sections() {
        return List.copyOf(sections);
    }

    /** Every command of every bash block, in order. */
    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Variables set with {@code export NAME=value}; a value computed with {@code $(...)} is kept as written. */
    public Map<String, String> exports() {
        return Map.copyOf(exports);
    }

    /** The first command under {@code anchor} that starts with {@code start} and contains every one of {@code also}. */
    public Optional<String> command(String anchor, String start, String... also) {
        return commands.stream()
                .filter(c -> c.anchor().equals(anchor) && c.text().startsWith(start))
                .filter(c -> List.of(also).stream().allMatch(c.text()::contains))
                .map(Command::text)
                .findFirst();
    }
}
