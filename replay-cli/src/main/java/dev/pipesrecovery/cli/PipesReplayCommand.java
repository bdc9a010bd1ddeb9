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
@Command(name = "pipes-replay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List, inspect, export and replay the events pipes-recovery archived when an EventBridge Pipe "
                + "could not deliver them; triage a consumer's incident.",
        subcommands = {ListCommand.class, ShowCommand.class, ExportCommand.class, ReplayCommand.class,
                ReportCommand.class, TriageCommand.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                ExitCodes.OK + ":all done (nothing selected is left undelivered)",
                ExitCodes.UNEXPECTED + ":unexpected error",
                ExitCodes.USAGE + ":usage or misconfiguration (bad option, date, URL, missing bucket, no region, "
                        + "missing or expired credentials; confirmation declined)",
                ExitCodes.NOTHING_MATCHED + ":nothing matched the selection",
                ExitCodes.SOME_FAILED + ":some objects failed or were held back behind a failed record of their key "
                        + "(see the report; the same command sends them next time)",
                ExitCodes.CIRCUIT_OPEN + ":stopped early: the circuit breaker (the target kept failing) or the "
                        + "journal could not be written",
                ExitCodes.ATTENTION + ":triage: needs attention, no record at risk",
                ExitCodes.RECORDS_AT_RISK + ":triage: records at risk",
                ExitCodes.UNKNOWN + ":triage: an essential check could not be made"},
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

    /** The command line over {@code wiring}, with the error handling every entry point shares. */
    public static CommandLine commandLine(Wiring wiring) {
        CommandLine commandLine = new CommandLine(new PipesReplayCommand(wiring));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::usage);
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
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: list, show, export, replay, report or triage");
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
