package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.testkit.LocalAws;
import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SDK clients for components that retry by themselves (the hydrate function's reader and store, the pipe
 * stand-in): one SDK attempt per call, so the component's retries and the SDK's do not multiply.
 */
public final class OneAttemptClients {

    private OneAttemptClients() {
    }

    public static KinesisClient kinesis(URI endpoint) {
        return oneAttempt(LocalAws.configure(KinesisClient.builder(), endpoint)).build();
    }

    public static S3Client s3(URI endpoint) {
        return oneAttempt(LocalAws.configure(S3Client.builder(), endpoint)).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B oneAttempt(B builder) {
        // replaces LocalAws' override configuration, so the API call timeout is set again
        builder.overrideConfiguration(c -> c.apiCallTimeout(LocalAws.API_CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build()));
        return builder;
    }
}
