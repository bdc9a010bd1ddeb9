package dev.pipesrecovery.triage.aws;

/**
 * Says in one line why an AWS call failed, e.g. "access denied: ..." or "cannot reach AWS: ...". The command line
 * passes the wording its error handler uses for every other command, so a failure reads the same everywhere.
 */
@FunctionalInterface
public interface FailureReason {

    String why(RuntimeException failure);

    /** "{@code call}: why", the call named as in IAM policies (e.g. {@code sqs:GetQueueAttributes}). */
    default String of(String call, RuntimeException failure) {
        return call + ": " + why(failure);
    }
}
