package dev.pipesrecovery.replay;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns a failed SDK call into a {@link DeliveryResult} for every item of the request: throttling, 5xx and
 * client-side (connection) errors are retryable, anything else (access denied, validation) is final.
 */
public final class SdkErrors {

    private SdkErrors() {
    }

    public static DeliveryResult classify(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "HTTP " + service.statusCode()
                    : service.awsErrorDetails().errorCode();
            boolean retryable = service.isThrottlingException() || service.statusCode() >= 500 || service.retryable();
            return retryable ? DeliveryResult.retryable(code, service.getMessage(), null)
                    : DeliveryResult.failed(code, service.getMessage());
        }
        if (e instanceof SdkClientException) {
            return DeliveryResult.retryable("ConnectionError", e.getMessage(), null);
        }
        return DeliveryResult.failed(e.getClass().getSimpleName(), e.getMessage());
    }
}
