package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.cli.DefaultWiring;
import dev.pipesrecovery.cli.PipesReplayCommand;
import dev.pipesrecovery.cli.Terminal;
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

    /**
     * @param s3Endpoint the archive's endpoint ({@code --endpoint-url})
     * @param stateDir   where replay journals and reports go
     */
    public PipesReplay(String s3Endpoint, String bucket, String prefix, Path stateDir) {
        this.stateDir = stateDir;
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
        try (DefaultWiring wiring =
                new DefaultWiring(Terminal.NONE, Clock.systemUTC(), stateDir, new ByteArrayOutputStream())) {
            CommandLine commandLine = PipesReplayCommand.commandLine(wiring);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute(all.toArray(String[]::new));
            return new Result(exitCode, out.toString(), err.toString());
        }
    }
}
