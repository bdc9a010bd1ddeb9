package dev.pipesrecovery.cli;

/** The command's exit codes; listed in {@code --help} (scripts and runbooks rely on them). */
public final class ExitCodes {

    /** Everything selected was done: nothing selected is left undelivered. */
    public static final int OK = 0;
    /** An unexpected error (a bug, or an AWS failure that is not the user's input). */
    public static final int UNEXPECTED = 1;
    /**
     * Bad command line, input or configuration: wrong option, bad date or URL, missing bucket, no AWS region, missing,
     * expired or rejected credentials, credentials refused over plain HTTP.
     */
    public static final int USAGE = 2;
    /** The selection matched no archived object. */
    public static final int NOTHING_MATCHED = 3;
    /**
     * Some objects failed (delivery, corrupt archive object) or were held back behind an undelivered record of their
     * partition key; see the report. Running the same command again sends them, in order.
     */
    public static final int SOME_FAILED = 4;
    /** The replay stopped early: the circuit breaker (the target kept failing), or the journal could not be written. */
    public static final int CIRCUIT_OPEN = 5;
    /** {@code triage}: something needs attention (messages waiting, poison, failures, losses); no record at risk. */
    public static final int ATTENTION = 6;
    /** {@code triage}: records at risk: time running out before the stream trims them, or the pipe not running. */
    public static final int RECORDS_AT_RISK = 7;
    /** {@code triage}: an essential check could not be made (and nothing else was found wrong). */
    public static final int UNKNOWN = 8;

    /** For the help of each subcommand. */
    public static final String SUMMARY = "Exit codes: 0 done (nothing left undelivered), 1 unexpected error, 2 usage "
            + "or misconfiguration, 3 nothing matched, 4 some failed or held back, 5 stopped early (circuit breaker, "
            + "journal).";

    private ExitCodes() {
    }
}
