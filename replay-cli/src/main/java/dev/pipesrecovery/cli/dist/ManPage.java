package dev.pipesrecovery.cli.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A man page (roff, {@code man(7)} macros) generated from picocli's command model, so it says exactly what
 * {@code --help} says: NAME, SYNOPSIS, DESCRIPTION, OPTIONS (with parameter labels), COMMANDS, EXIT STATUS, the
 * footer as NOTES, SEE ALSO. One page for {@code pipes-replay} and one per subcommand ({@code pipes-replay-list(1)},
 * as git does). Written here rather than with picocli-codegen's ManPageGenerator, which writes AsciiDoc and would need
 * Asciidoctor (JRuby) in the build to become a man page.
 */
final class ManPage {

    private ManPage() {}

    /** The page's file name, e.g. {@code pipes-replay-list.1}. */
    static String fileName(CommandSpec spec) {
        return spec.qualifiedName("-") + ".1";
    }

    static String render(CommandSpec spec, String version) {
        String name = spec.qualifiedName("-");
        StringBuilder roff = new StringBuilder(8192);
        roff.append(".TH ")
                .append(quote(name.toUpperCase(Locale.ROOT)))
                .append(" 1 \"\" ")
                .append(quote(version))
                .append(" \"pipes-replay manual\"\n");
        roff.append(".SH NAME\n")
                .append(escape(name))
                .append(" \\- ")
                .append(escape(firstSentence(spec.usageMessage().description())))
                .append('\n');
        synopsis(roff, spec);
        section(roff, "DESCRIPTION", spec.usageMessage().description());
        options(roff, spec);
        commands(roff, spec);
        Map<String, String> exitCodes = spec.usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            roff.append(".SH \"EXIT STATUS\"\n");
            exitCodes.forEach((code, meaning) -> roff.append(".TP\n.B ")
                    .append(escape(code.strip()))
                    .append('\n')
                    .append(escape(meaning))
                    .append('\n'));
        }
        section(roff, "NOTES", spec.usageMessage().footer());
        roff.append(".SH \"SEE ALSO\"\n");
        if (spec.parent() == null) {
            roff.append(String.join(
                    ",\n",
                    spec.subcommands().values().stream()
                            .map(CommandLine::getCommandSpec)
                            .filter(ManPage::documented)
                            .map(s -> "\\fB" + escape(s.qualifiedName("-")) + "\\fR(1)")
                            .toList()));
        } else {
            roff.append("\\fB").append(escape(spec.root().name())).append("\\fR(1)");
        }
        return roff.append('\n').toString();
    }

    /** Subcommands with a page of their own: not picocli's built-in {@code help}. */
    static boolean documented(CommandSpec spec) {
        return !(spec.userObject() instanceof CommandLine.HelpCommand)
                && !spec.usageMessage().hidden();
    }

    private static void synopsis(StringBuilder roff, CommandSpec spec) {
        roff.append(".SH SYNOPSIS\n.B ").append(escape(spec.qualifiedName())).append('\n');
        roff.append("[\\fIOPTIONS\\fR]");
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                roff.append(" [\\fI").append(escape(positional.paramLabel())).append("\\fR]");
            }
        }
        if (spec.subcommands().values().stream().anyMatch(c -> documented(c.getCommandSpec()))) {
            roff.append(" \\fICOMMAND\\fR");
        }
        roff.append('\n');
    }

    /** OPTIONS: the command's own; GLOBAL OPTIONS: those a subcommand inherits from pipes-replay. */
    private static void options(StringBuilder roff, CommandSpec spec) {
        List<ArgSpec> own = new ArrayList<>();
        spec.positionalParameters().stream().filter(p -> !p.hidden()).forEach(own::add);
        spec.options().stream().filter(o -> !o.hidden() && !o.inherited()).forEach(own::add);
        arguments(roff, "OPTIONS", own);
        arguments(
                roff,
                "\"GLOBAL OPTIONS\"",
                spec.options().stream()
                        .filter(o -> !o.hidden() && o.inherited())
                        .map(ArgSpec.class::cast)
                        .toList());
    }

    private static void arguments(StringBuilder roff, String title, List<ArgSpec> args) {
        if (args.isEmpty()) {
            return;
        }
        roff.append(".SH ").append(title).append('\n');
        for (ArgSpec arg : args) {
            roff.append(".TP\n");
            if (arg instanceof OptionSpec option) {
                roff.append(String.join(
                        ", ",
                        List.of(option.names()).stream()
                                .map(n -> "\\fB" + escape(n) + "\\fR")
                                .toList()));
                if (option.arity().max() > 0) {
                    roff.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
                }
            } else {
                roff.append("\\fI").append(escape(arg.paramLabel())).append("\\fR");
            }
            roff.append('\n')
                    .append(escape(String.join(" ", arg.description())))
                    .append('\n');
        }
    }

    private static void commands(StringBuilder roff, CommandSpec spec) {
        List<CommandSpec> subcommands = spec.subcommands().values().stream()
                .map(CommandLine::getCommandSpec)
                .filter(ManPage::documented)
                .toList();
        if (subcommands.isEmpty()) {
            return;
        }
        roff.append(".SH COMMANDS\n");
        for (CommandSpec sub : subcommands) {
            roff.append(".TP\n.B ")
                    .append(escape(sub.name()))
                    .append('\n')
                    .append(escape(firstSentence(sub.usageMessage().description())))
                    .append(" See \\fB")
                    .append(escape(sub.qualifiedName("-")))
                    .append("\\fR(1).\n");
        }
    }

    private static void section(StringBuilder roff, String title, String[] paragraphs) {
        List<String> text = List.of(paragraphs).stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
        if (text.isEmpty()) {
            return;
        }
        roff.append(".SH ").append(title).append('\n');
        roff.append(String.join("\n.PP\n", text.stream().map(ManPage::escape).toList()))
                .append('\n');
    }

    /** The description's opening clause, for NAME and COMMANDS: up to the first ". ", ": " or " (". */
    private static String firstSentence(String[] description) {
        String text = description.length == 0 ? "" : description[0].strip();
        int end = text.length();
        for (String stop : List.of(". ", ": ", " (")) {
            int at = text.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return text.substring(0, end).replaceFirst("\\.$", "");
    }

    private static String quote(String text) {
        return "\"" + escape(text).replace("\"", "\\(dq") + "\"";
    }

    /**
     * Text as roff reads it literally: backslashes escaped, picocli's {@code %n} as a line break, minus signs as
     * {@code \-} (so options can be searched and copied), and a line that would start with a control character
     * ({@code .} or {@code '}) protected with {@code \&}.
     */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("%n", "\n").replace("-", "\\-");
        StringBuilder out = new StringBuilder(escaped.length() + 8);
        for (String line : escaped.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return out.toString();
    }
}
