package dev.pipesrecovery.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cfn-lint CLI for the template tests (cloudformation, dashboards). Informational findings are included
 * ({@code --include-checks I}), so "clean" means no finding at all; a deliberate exception is a suppression in the
 * resource's Metadata with the reason next to it. The exit code is a bit mask: 2 errors, 4 warnings, 8 informational
 * (https://github.com/aws-cloudformation/cfn-lint#exit-codes).
 */
public final class CfnLint {

    public static final String MISSING = "cfn-lint is required: pip install cfn-lint";

    /** The exit code and the findings, one per line ({@code --format parseable}). */
    public record Result(int exitCode, String output) {
        public boolean hasErrors() {
            return (exitCode & 2) != 0;
        }

        public boolean hasWarnings() {
            return (exitCode & 4) != 0;
        }

        public boolean hasInformational() {
            return (exitCode & 8) != 0;
        }

        /** No finding of any level; anything else (e.g. 1 = cfn-lint itself failed) is not clean either. */
        public boolean clean() {
            return exitCode == 0;
        }
    }

    private CfnLint() {}

    /** One run for all templates (cfn-lint's start-up dominates its run time), informational checks included. */
    public static Result lint(List<Path> templates) {
        List<String> command =
                new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--include-checks", "I", "--"));
        templates.forEach(t -> command.add(t.toString()));
        return run(command);
    }

    /** Runs {@code command} (cfn-lint, or python3 to locate cfn-lint's data), waiting up to 120 s. */
    public static Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(MISSING + " (`" + command.get(0) + "` is not on the PATH)", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish within 120 s: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot read the output of " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Fails with how to install cfn-lint when it is missing (a test never skips for a missing tool). */
    public static void requireInstalled() {
        Result version = run(List.of("cfn-lint", "--version"));
        if (version.exitCode() != 0 || !version.output().startsWith("cfn-lint")) {
            throw new AssertionError(MISSING + " (`cfn-lint --version` printed: "
                    + version.output().strip() + ")");
        }
    }
}
