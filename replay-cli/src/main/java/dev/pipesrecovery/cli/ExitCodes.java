package dev.pipesrecovery.cli;

/** The command's exit codes; listed in {@code --help} (scripts and runbooks rely on them). */
public final class ExitCodes {

    /** Everything selected was done. */
    public static final int OK = 0;
    /** An unexpected error (a bug, or an AWS failure that is not the user's input). */
    public static final int UNEXPECTED = 1;
    /** Bad command line or input: wrong option, bad date, bad URL, missing bucket. */
    public static final int USAGE = 2;
    /** The selection matched no archived object. */
    public static final int NOTHING_MATCHED = 3;
    /** Some objects failed (delivery, corrupt archive object); see the report. */
    public static final int SOME_FAILED = 4;
    /** The circuit breaker stopped the replay because the target kept failing. */
    public static final int CIRCUIT_OPEN = 5;
    /** {@code triage}: something needs attention (messages waiting, poison, failures, losses); no record at risk. */
    public static final int ATTENTION = 6;
    /** {@code triage}: records at risk: time running out before the stream trims them, or the pipe not running. */
    public static final int RECORDS_AT_RISK = 7;
    /** {@code triage}: an essential check could not be made (and nothing else was found wrong). */
    public static final int UNKNOWN = 8;

    /** For the help of each subcommand. */
    public static final String SUMMARY = "Exit codes: 0 done, 1 unexpected error, 2 usage, 3 nothing matched, "
            + "4 some failed, 5 stopped by the circuit breaker.";

    private ExitCodes() {
    }
}
