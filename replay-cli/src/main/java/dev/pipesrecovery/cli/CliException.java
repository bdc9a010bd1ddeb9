package dev.pipesrecovery.cli;

/** An error the user can act on: printed as one line (no stack trace unless {@code --stacktrace}), with an exit code. */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input: exit code {@link ExitCodes#USAGE}. */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** Bad input or configuration that {@code cause} revealed: exit code {@link ExitCodes#USAGE}. */
    public static CliException usage(String message, Throwable cause) {
        return new CliException(ExitCodes.USAGE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
