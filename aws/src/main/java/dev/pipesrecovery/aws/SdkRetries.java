package dev.pipesrecovery.aws;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;

/**
 * Per-request switch-off of the SDK's own retries, for calls that a domain retry (core {@code BackoffPolicy} with an
 * injected sleeper) already wraps, so that attempts do not multiply (client retries x domain retries). A request-level
 * plugin may change the retry strategy for that request only
 * (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/plugins.html).
 */
public final class SdkRetries {

    private static final SdkPlugin NO_RETRY =
            config -> config.overrideConfiguration(config.overrideConfiguration().toBuilder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .build());

    /** Put on a request with {@code .overrideConfiguration(SdkRetries.none())}. */
    private static final AwsRequestOverrideConfiguration NONE =
            AwsRequestOverrideConfiguration.builder().addPlugin(NO_RETRY).build();

    private SdkRetries() {}

    public static AwsRequestOverrideConfiguration none() {
        return NONE;
    }
}
