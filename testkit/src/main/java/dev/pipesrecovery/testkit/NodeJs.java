package dev.pipesrecovery.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a usable {@code node} (18+) is on the PATH before starting kinesis-local. */
final class NodeJs {

    static final String MISSING =
            "Node.js is required for the Kinesis emulator: install Node 18+ (see README Prerequisites)";
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.");

    private NodeJs() {}

    /** @return the command to run node with */
    static String require() {
        String output;
        try {
            Process process = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(MISSING + " (`node --version` failed: " + output + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException(MISSING + " (`node` is not on the PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the Node.js version", e);
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find() || Integer.parseInt(matcher.group(1)) < 18) {
            throw new IllegalStateException(MISSING + " (found `" + output + "`)");
        }
        return "node";
    }
}
