package dev.pipesrecovery.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The SDK's own answer to "would you retry this failure?": its standard AWS retry strategy (throttling codes and
 * 429, 500/502/503/504, AWS's retryable error codes, clock skew, I/O errors and attempt timeouts anywhere in the
 * cause chain, {@code SdkException.retryable()}), asked through its public token API
 * (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/retry-strategy.html) rather than copied: a
 * strategy refuses a retry token, with {@link TokenAcquisitionFailedException}, exactly when it would not retry.
 * No circuit breaker and no backoff, so the answer depends on the failure alone.
 */
final class SdkRetryConditions {

    private static final RetryStrategy STRATEGY = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .circuitBreakerEnabled(false)
            .maxAttempts(2)
            .backoffStrategy(BackoffStrategy.retryImmediately())
            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
            .build();

    private SdkRetryConditions() {}

    static boolean retries(Throwable failure) {
        RetryToken token = STRATEGY.acquireInitialToken(AcquireInitialTokenRequest.create("pipes-recovery"))
                .token();
        try {
            STRATEGY.refreshRetryToken(RefreshRetryTokenRequest.builder()
                    .token(token)
                    .failure(failure)
                    .build());
            return true;
        } catch (TokenAcquisitionFailedException notRetried) {
            return false;
        }
    }
}
