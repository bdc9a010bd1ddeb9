package dev.pipesrecovery.dashboards;

import java.util.List;

/**
 * Parses the arguments of one {@code pipes-replay} command (without the program name) and throws an
 * {@link IllegalArgumentException} (or picocli's {@code ParameterException}, also a RuntimeException) naming the
 * problem. Today {@link DocumentedSyntaxParser} checks the documented syntax; once the CLI has landed,
 * {@link RunbookTest#PARSER} becomes the real parser in one line:
 * {@code args -> PipesReplayCommand.newCommandLine().parseArgs(args.toArray(String[]::new))}.
 */
@FunctionalInterface
interface RunbookCommandParser {
    void parse(List<String> args);
}
