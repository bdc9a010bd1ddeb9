package dev.pipesrecovery.cli.support;

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
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs pipes-replay through the same picocli wiring as {@code main}, with captured stdout/stderr, no terminal and
 * a state directory of the test's own.
 */
public final class Cli {

    /** What one invocation printed and returned. */
    public record Result(int exitCode, String out, String err, byte[] raw) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private final Path stateDir;
    private final List<String> globalArgs;
    private Terminal terminal = Terminal.NONE;
    private ManagedRunStart managedRuns;

    public Cli(Path stateDir, String... globalArgs) {
        this.stateDir = stateDir;
        this.globalArgs = List.of(globalArgs);
    }

    public Cli withTerminal(Terminal value) {
        this.terminal = value;
        return this;
    }

    /** Managed runs ({@code --engine stepfunctions}) start on {@code start} (the Map's local stand-in) instead of AWS. */
    public Cli withManagedRunsOn(ManagedRunStart start) {
        this.managedRuns = start;
        return this;
    }

    /** {@code args} after the global ones (e.g. {@code --bucket B --endpoint-url U}). */
    public Result run(String... args) {
        List<String> all = new ArrayList<>();
        if (args.length > 0) {
            all.add(args[0]); // the subcommand first, then the inherited global options
            all.addAll(globalArgs);
            all.addAll(Arrays.asList(args).subList(1, args.length));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DefaultWiring wiring = new DefaultWiring(terminal, Clock.systemUTC(), stateDir, raw, managedRuns)) {
            CommandLine commandLine = PipesReplayCommand.commandLine(wiring);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(all.toArray(String[]::new));
            return new Result(exitCode, out.toString(), err.toString(), raw.toByteArray());
        }
    }
}
