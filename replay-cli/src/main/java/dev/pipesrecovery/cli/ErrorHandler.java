package dev.pipesrecovery.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Errors print one line ({@code pipes-replay: <message>}) and map to the named exit codes; the stack trace only
 * with {@code --stacktrace}. A bad command line also shows how to get help.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        boolean stacktrace = parseResult.hasMatchedOption("--stacktrace")
                || parseResult.subcommands().stream().anyMatch(s -> s.hasMatchedOption("--stacktrace"));
        int exitCode;
        String message;
        if (!(e instanceof CliException)) {
            Object command = commandLine.getCommandSpec().root().userObject();
            AwsOptions aws = command instanceof PipesReplayCommand top ? top.aws() : null;
            CliException explained =
                    AwsErrorMessages.explain(e, aws == null ? null : aws.bucket(), aws == null ? null : aws.profile());
            if (explained != null) {
                e = explained;
            }
        }
        if (e instanceof CliException cli) {
            exitCode = cli.exitCode();
            message = cli.getMessage();
        } else {
            exitCode = ExitCodes.UNEXPECTED;
            message = "unexpected error: " + describe(e);
        }
        boolean hint = !stacktrace && exitCode == ExitCodes.UNEXPECTED;
        // one line, whatever the message quotes (an S3 key, a field of an archived record)
        commandLine
                .getErr()
                .println("pipes-replay: " + TerminalText.field(message) + (hint ? " (--stacktrace for details)" : ""));
        if (stacktrace) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return exitCode;
    }

    static int usage(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println("pipes-replay: " + e.getMessage());
        commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
        commandLine.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
