package dev.pipesrecovery.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The command's exit codes (scripts and runbooks rely on them), with one table of what they mean that
 * {@code --help}, every subcommand's help, the man pages and the README render; a test checks the README's copy.
 */
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

    /** One exit code: its number, a few words (a subcommand's help) and its meaning ({@code --help}, README). */
    public record ExitCode(int code, String brief, String meaning) {}

    /** Every exit code, in order. */
    public static final List<ExitCode> TABLE = List.of(
            new ExitCode(OK, "done (nothing left undelivered)", "all done (nothing selected is left undelivered)"),
            new ExitCode(UNEXPECTED, "unexpected error", "unexpected error"),
            new ExitCode(
                    USAGE,
                    "usage or misconfiguration",
                    "usage or misconfiguration (bad option, date, URL, "
                            + "missing bucket, no region, missing or expired credentials; confirmation declined)"),
            new ExitCode(NOTHING_MATCHED, "nothing matched", "nothing matched the selection"),
            new ExitCode(
                    SOME_FAILED,
                    "some failed or held back",
                    "some objects failed or were held back behind a "
                            + "failed record of their key (see the report; the same command sends them next time)"),
            new ExitCode(
                    CIRCUIT_OPEN,
                    "stopped early (circuit breaker, journal)",
                    "stopped early: the circuit "
                            + "breaker (the target kept failing) or the journal could not be written"),
            new ExitCode(
                    ATTENTION,
                    "triage: attention",
                    "triage: something needs attention (messages waiting, "
                            + "poison, failures, losses); no record at risk"),
            new ExitCode(
                    RECORDS_AT_RISK,
                    "triage: records at risk",
                    "triage: records at risk (time running out "
                            + "before the stream trims them, or the pipe not running)"),
            new ExitCode(
                    UNKNOWN,
                    "triage: unknown",
                    "triage: an essential check could not be made (and nothing " + "else was found wrong)"));

    private ExitCodes() {}

    /** {@code Exit codes: 0 done (nothing left undelivered), 1 unexpected error, ...}: each subcommand's last line. */
    public static String summary() {
        StringJoiner summary = new StringJoiner(", ", "Exit codes: ", ".");
        for (ExitCode row : TABLE) { // no "+": --help should not bootstrap invokedynamic string concatenation
            summary.add(String.valueOf(row.code()).concat(" ").concat(row.brief()));
        }
        return summary.toString();
    }

    /** Code to meaning, in order: picocli's exit code list of {@code pipes-replay --help}. */
    static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode row : TABLE) {
            list.put(String.valueOf(row.code()), row.meaning());
        }
        return list;
    }
}
