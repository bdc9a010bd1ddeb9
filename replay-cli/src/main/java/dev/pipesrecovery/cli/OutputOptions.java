package dev.pipesrecovery.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** How results are printed. Inherited by every subcommand. */
public final class OutputOptions {

    @Option(
            names = "--format",
            scope = ScopeType.INHERIT,
            paramLabel = "text|json",
            defaultValue = "text",
            completionCandidates = Formats.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TEXT;

    static final class Formats extends LowerCaseValues<OutputFormat> {
        Formats() {
            super(OutputFormat.class);
        }
    }

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "More detail on stderr.")
    boolean verbose;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean stacktrace;

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean stacktrace() {
        return stacktrace;
    }
}
