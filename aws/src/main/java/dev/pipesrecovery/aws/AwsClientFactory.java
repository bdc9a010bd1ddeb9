package dev.pipesrecovery.aws;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds SDK clients once, the same way everywhere (hydrate function, replay CLI, sandbox): the SDK's standard
 * configuration plus the explicit {@link AwsSettings}, the lightweight URL-connection HTTP client (apache and netty
 * are excluded from the build), API call timeouts, an explicit SDK retry budget, and S3 path-style addressing
 * whenever an endpoint is overridden — explicitly or by {@code AWS_ENDPOINT_URL[_S3]} — because an emulator or an
 * S3-compatible store on {@code host:port} has no per-bucket host names. Callers own and close the clients.
 */
public final class AwsClientFactory {

    private final AwsSettings settings;

    public AwsClientFactory(AwsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public static AwsClientFactory standard() {
        return new AwsClientFactory(AwsSettings.defaults());
    }

    public AwsSettings settings() {
        return settings;
    }

    public KinesisClient kinesis() {
        return configure(KinesisClient.builder()).build();
    }

    public S3Client s3() {
        if (settings.endpoint() != null) {
            return configure(S3Client.builder()).forcePathStyle(true).build();
        }
        S3Client client = configure(S3Client.builder()).build();
        // The SDK resolved AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL / the profile's endpoint_url itself; we only ask
        // whether it did, and rebuild path-style if so (building a client is cheap next to a wrong host name).
        if (client.serviceClientConfiguration().endpointOverride().isPresent()) {
            client.close();
            return configure(S3Client.builder()).forcePathStyle(true).build();
        }
        return client;
    }

    /**
     * Applies the settings to any service's sync client builder, e.g.
     * {@code factory.configure(EventBridgeClient.builder()).build()}. For S3 use {@link #s3()} (path-style).
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()).overrideConfiguration(c -> {
            c.apiCallTimeout(settings.apiCallTimeout())
                    .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                    .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(settings.sdkMaxAttempts())
                            .build());
            if (settings.profile() != null) {
                c.defaultProfileName(settings.profile()); // region and endpoint_url from that profile
            }
        });
        if (settings.profile() != null) {
            builder.credentialsProvider(ProfileCredentialsProvider.builder()
                    .profileName(settings.profile())
                    .build());
        }
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }
}
