package dev.pipesrecovery.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code pipes-replay}: list, inspect, export and replay the records pipes-recovery archived. One wiring factory,
 * {@link #commandLine(Wiring)}, is used by {@link #main} and by the tests.
 */
@Command(
        name = "pipes-replay",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "List, inspect, export and replay the events pipes-recovery archived when an EventBridge Pipe "
                + "could not deliver them; triage a consumer's incident.",
        subcommands = {
            ListCommand.class,
            ShowCommand.class,
            ExportCommand.class,
            ReplayCommand.class,
            ReportCommand.class,
            TriageCommand.class,
            StatusCommand.class,
            CommandLine.HelpCommand.class
        },
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Endpoints: --endpoint-url, or AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> as in the AWS CLI."})
public final class PipesReplayCommand implements Runnable {

    @Mixin
    AwsOptions aws;

    @Mixin
    OutputOptions output;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Wiring wiring;

    PipesReplayCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    /** A command line with the production wiring; parsing and {@code --help} need no AWS. */
    public static CommandLine newCommandLine() {
        return commandLine(new DefaultWiring());
    }

    /**
     * The command line over {@code wiring}, with what every entry point shares: the error handling, enum values
     * accepted in any case ({@code --target HTTP}, {@code --status failed}), and the exit codes from their one table
     * ({@link ExitCodes#TABLE}) in {@code --help} and at the end of every subcommand's help.
     */
    public static CommandLine commandLine(Wiring wiring) {
        CommandLine commandLine = new CommandLine(new PipesReplayCommand(wiring));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::usage);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.helpList());
        String exitCodes = ExitCodes.summary();
        // loops, not streams: --help should not load the stream API (start-up time, README "Benchmark")
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            // triage lists its own codes (what 0 and 3 mean differs there); the others end with the summary
            if (!(sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand)
                    && usage.exitCodeList().isEmpty()) {
                String[] footer = java.util.Arrays.copyOf(usage.footer(), usage.footer().length + 2);
                footer[footer.length - 2] = "";
                footer[footer.length - 1] = exitCodes;
                usage.footer(footer);
            }
        }
        return commandLine;
    }

    public static void main(String[] args) {
        int exitCode;
        try (Wiring wiring = new DefaultWiring()) {
            exitCode = commandLine(wiring).execute(args);
        }
        System.exit(exitCode);
    }

    @Override
    public void run() {
        // from the registered subcommands, so that a new command is never left out of the message
        java.util.List<String> commands =
                new java.util.ArrayList<>(spec.subcommands().keySet());
        commands.remove("help");
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing command: " + String.join(", ", commands) + " (pipes-replay help COMMAND for one's help)");
    }

    Wiring wiring() {
        return wiring;
    }

    AwsOptions aws() {
        return aws;
    }

    OutputOptions output() {
        return output;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
