package dev.pipesrecovery.cloudformation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cfn-lint CLI. Its exit code is a bit mask: 2 errors, 4 warnings, 8 informational findings
 * (https://github.com/aws-cloudformation/cfn-lint#exit-codes).
 */
final class CfnLint {

    static final String MISSING = "cfn-lint is required: pip install cfn-lint";

    record Result(int exitCode, String output) {
        boolean hasErrors() {
            return (exitCode & 2) != 0;
        }

        boolean hasWarnings() {
            return (exitCode & 4) != 0;
        }

        /** Anything but the finding bits (e.g. 1 = cfn-lint itself failed) also counts as a failure. */
        boolean clean() {
            return exitCode == 0 || exitCode == 8;
        }
    }

    private CfnLint() {
    }

    /** One run for all templates: cfn-lint's start-up dominates its run time. */
    static Result lint(List<Path> templates) {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
        templates.forEach(t -> command.add(t.toString()));
        return run(command);
    }

    static Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(MISSING + " (`cfn-lint` is not on the PATH)", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("cfn-lint did not finish within 120 s: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("cannot read cfn-lint's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running cfn-lint", e);
        }
    }

    static void requireInstalled() {
        Result version = run(List.of("cfn-lint", "--version"));
        if (version.exitCode() != 0 || !version.output().startsWith("cfn-lint")) {
            throw new AssertionError(MISSING + " (`cfn-lint --version` printed: " + version.output().strip() + ")");
        }
    }
}
