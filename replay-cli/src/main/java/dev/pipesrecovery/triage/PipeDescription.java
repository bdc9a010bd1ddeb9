package dev.pipesrecovery.triage;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code DescribePipe} says about a pipe, as far as triage needs it
 * (https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_DescribePipe.html). Strings come from AWS but
 * a state reason can quote anything a target answered: print them escaped.
 *
 * @param stateReason      why the pipe is in its state (AWS fills it for failures and automatic disabling), or null
 * @param sourceArn        the pipe's source (a Kinesis stream ARN for the pipes this toolkit serves)
 * @param deadLetterArn    the source's {@code DeadLetterConfig.Arn}, or null when the pipe has no DLQ
 * @param maxRecordAgeSeconds {@code MaximumRecordAgeInSeconds}: -1 means "until the stream trims it"; null if absent
 */
public record PipeDescription(
        String name,
        String arn,
        String desiredState,
        String currentState,
        String stateReason,
        Instant lastModified,
        String sourceArn,
        String deadLetterArn,
        Integer maxRecordAgeSeconds) {

    /** The states a pipe reads its source in. */
    public static final String RUNNING = "RUNNING";

    public static final String STOPPED = "STOPPED";

    public PipeDescription {
        Objects.requireNonNull(name, "name");
    }

    public boolean running() {
        return RUNNING.equals(currentState);
    }

    /** Stopped on purpose: desired and current state both STOPPED. */
    public boolean deliberatelyStopped() {
        return STOPPED.equals(desiredState) && STOPPED.equals(currentState);
    }

    /** CREATE_FAILED, START_FAILED, UPDATE_FAILED, ..., or STOPPED although RUNNING is desired. */
    public boolean failed() {
        return currentState != null
                && (currentState.endsWith("_FAILED") || (RUNNING.equals(desiredState) && STOPPED.equals(currentState)));
    }

    public boolean hasDeadLetterQueue() {
        return deadLetterArn != null;
    }
}
