package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.cli.DefaultWiring;
import dev.pipesrecovery.cli.PipesReplayCommand;
import dev.pipesrecovery.cli.Terminal;
import dev.pipesrecovery.replay.plan.ManagedRunStart;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code pipes-replay} in this JVM through its own command line and production wiring
 * ({@link PipesReplayCommand#commandLine} over a {@link DefaultWiring}, as {@code main} does, with no terminal and
 * the sandbox's state directory for journals and reports), pointed at the sandbox with the global options an
 * operator would type.
 */
public final class PipesReplay {

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {}

    private final List<String> globalOptions;
    private final Path stateDir;
    /** Starts managed runs instead of Step Functions ({@link StandInStateMachine}), or null for the SDK's. */
    private final ManagedRunStart managedRuns;

    /**
     * @param s3Endpoint the archive's endpoint ({@code --endpoint-url})
     * @param stateDir   where replay journals and reports go
     */
    public PipesReplay(String s3Endpoint, String bucket, String prefix, Path stateDir) {
        this.stateDir = stateDir;
        this.managedRuns = null;
        LocalCredentials.install();
        List<String> options = new ArrayList<>(List.of(
                "--bucket",
                bucket,
                "--region",
                dev.pipesrecovery.testkit.LocalAws.REGION.id(),
                "--endpoint-url",
                s3Endpoint));
        if (prefix != null && !prefix.isEmpty()) {
            options.addAll(List.of("--prefix", prefix));
        }
        this.globalOptions = List.copyOf(options);
    }

    private PipesReplay(List<String> globalOptions, Path stateDir, ManagedRunStart managedRuns) {
        this.globalOptions = globalOptions;
        this.stateDir = stateDir;
        this.managedRuns = managedRuns;
    }

    /**
     * The same pipes-replay, whose {@code replay --engine stepfunctions} starts its run on {@code managedRuns} (the
     * sandbox's stand-in state machine) instead of calling Step Functions; everything before the start (plan,
     * run.json, the confirmation) is the production path.
     */
    PipesReplay withManagedRuns(ManagedRunStart managedRuns) {
        return new PipesReplay(globalOptions, stateDir, managedRuns);
    }

    /** The global options, for printing the equivalent command. */
    public List<String> globalOptions() {
        return globalOptions;
    }

    /** Runs {@code pipes-replay <global options> <args>}. */
    public Result run(String... args) {
        List<String> all = new ArrayList<>(globalOptions);
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (DefaultWiring wiring = wiring()) {
            CommandLine commandLine = PipesReplayCommand.commandLine(wiring);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(all.toArray(String[]::new));
            return new Result(exitCode, out.toString(), err.toString());
        }
    }

    private DefaultWiring wiring() {
        return new DefaultWiring(Terminal.NONE, Clock.systemUTC(), stateDir, new ByteArrayOutputStream(), managedRuns);
    }
}
