package dev.pipesrecovery.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs cfn-lint on one template; its exit code is a bitmask (2 error, 4 warning, 8 info). */
final class CfnLint {
    /** The exit code and the printed findings. */
    record Result(int exitCode, String output) {
    }

    private CfnLint() {
    }

    static Result run(Path template) throws IOException, InterruptedException {
        ExternalTools.require("cfn-lint", "cfn-lint is required: pip install cfn-lint");
        Process process = new ProcessBuilder("cfn-lint", template.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cfn-lint did not finish in 120 s");
        }
        return new Result(process.exitValue(), output);
    }
}
