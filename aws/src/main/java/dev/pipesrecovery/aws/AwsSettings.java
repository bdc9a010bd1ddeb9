package dev.pipesrecovery.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Explicit client settings layered over the SDK's standard configuration. A {@code null} endpoint, region or profile
 * leaves the SDK's own resolution in charge: {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} (and
 * {@code endpoint_url} in the profile), {@code AWS_REGION} / profile region, the default credentials chain
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 *
 * @param endpoint           like the AWS CLI's {@code --endpoint-url}; wins over the environment
 * @param region             like {@code --region}
 * @param profile            like {@code --profile}: credentials, region and endpoint from that profile
 * @param apiCallTimeout     whole call including SDK retries
 * @param apiCallAttemptTimeout one HTTP attempt
 * @param sdkMaxAttempts     the SDK's own attempts (1 = no SDK retry) for calls that no domain retry wraps
 */
public record AwsSettings(
        URI endpoint,
        String region,
        String profile,
        Duration apiCallTimeout,
        Duration apiCallAttemptTimeout,
        int sdkMaxAttempts) {

    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_SDK_MAX_ATTEMPTS = 3;

    public AwsSettings {
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
            throw new IllegalArgumentException(
                    "endpoint must be an absolute URL like https://host:port, was " + endpoint);
        }
        if (region != null && region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        if (profile != null && profile.isBlank()) {
            throw new IllegalArgumentException("profile must not be blank");
        }
        if (apiCallAttemptTimeout.isNegative()
                || apiCallAttemptTimeout.isZero()
                || apiCallTimeout.compareTo(apiCallAttemptTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < apiCallAttemptTimeout <= apiCallTimeout, was "
                    + apiCallAttemptTimeout + " / " + apiCallTimeout);
        }
        if (sdkMaxAttempts < 1 || sdkMaxAttempts > 10) {
            throw new IllegalArgumentException("sdkMaxAttempts must be 1-10, was " + sdkMaxAttempts);
        }
    }

    /** Everything from the SDK's standard configuration. */
    public static AwsSettings defaults() {
        return new AwsSettings(
                null, null, null, DEFAULT_API_CALL_TIMEOUT, DEFAULT_API_CALL_ATTEMPT_TIMEOUT, DEFAULT_SDK_MAX_ATTEMPTS);
    }

    public AwsSettings withEndpoint(URI value) {
        return new AwsSettings(value, region, profile, apiCallTimeout, apiCallAttemptTimeout, sdkMaxAttempts);
    }

    public AwsSettings withRegion(String value) {
        return new AwsSettings(endpoint, value, profile, apiCallTimeout, apiCallAttemptTimeout, sdkMaxAttempts);
    }

    public AwsSettings withProfile(String value) {
        return new AwsSettings(endpoint, region, value, apiCallTimeout, apiCallAttemptTimeout, sdkMaxAttempts);
    }

    public AwsSettings withTimeouts(Duration callTimeout, Duration attemptTimeout) {
        return new AwsSettings(endpoint, region, profile, callTimeout, attemptTimeout, sdkMaxAttempts);
    }

    public AwsSettings withSdkMaxAttempts(int value) {
        return new AwsSettings(endpoint, region, profile, apiCallTimeout, apiCallAttemptTimeout, value);
    }
}
