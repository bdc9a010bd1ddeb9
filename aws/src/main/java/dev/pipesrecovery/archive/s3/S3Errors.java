package dev.pipesrecovery.archive.s3;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** How the store treats S3 errors (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
final class S3Errors {

    static final String CONDITIONAL_REQUEST_CONFLICT = "ConditionalRequestConflict";

    private S3Errors() {
    }

    /** {@code If-None-Match: *} on a key that exists (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html). */
    static boolean isPreconditionFailed(RuntimeException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 412;
    }

    /**
     * Worth another attempt: 5xx (InternalError, 503 SlowDown while S3 scales a prefix), throttling, a conditional
     * write racing another one on the same key (409 ConditionalRequestConflict), or a network error.
     */
    static boolean isTransient(RuntimeException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof S3Exception s3) {
            return s3.statusCode() >= 500 || s3.isThrottlingException()
                    || s3.statusCode() == 409 && CONDITIONAL_REQUEST_CONFLICT.equals(code(s3));
        }
        return false;
    }

    static String describe(RuntimeException e) {
        if (e instanceof S3Exception s3) {
            return s3.statusCode() + " " + code(s3) + ": " + (s3.awsErrorDetails() == null ? s3.getMessage()
                    : s3.awsErrorDetails().errorMessage());
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
