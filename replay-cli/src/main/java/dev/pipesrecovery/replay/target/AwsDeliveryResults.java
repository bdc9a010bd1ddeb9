package dev.pipesrecovery.replay.target;

import dev.pipesrecovery.aws.AwsFailure;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The delivery results of the AWS targets (PutEvents, PutRecords), judged by the aws module's one classifier,
 * {@link AwsFailure}: what is transient is retried, the rest is final. Failures are grouped by the service's error
 * code, or {@code ConnectionError} when no answer came back.
 */
public final class AwsDeliveryResults {

    private AwsDeliveryResults() {
    }

    /** The result of every item of a request whose call failed as a whole. */
    public static DeliveryResult ofFailedCall(SdkException e) {
        AwsFailure failure = AwsFailure.of(e).orElseThrow();
        String code = failure.statusCode() == 0 && failure.isTransient() ? "ConnectionError" : failure.code();
        return failure.isTransient() ? DeliveryResult.retryable(code, failure.describe(), null)
                : DeliveryResult.failed(code, failure.describe());
    }

    /** The result of one entry that the call answered with {@code errorCode}. */
    public static DeliveryResult ofFailedEntry(String errorCode, String errorMessage) {
        return AwsFailure.isTransientErrorCode(errorCode) ? DeliveryResult.retryable(errorCode, errorMessage, null)
                : DeliveryResult.failed(errorCode, errorMessage);
    }
}
