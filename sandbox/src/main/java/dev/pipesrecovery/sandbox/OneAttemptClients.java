package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.testkit.LocalAws;
import java.net.URI;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SDK clients for sandbox components that retry by themselves (the pipe stand-in), built by the production
 * {@link AwsClientFactory} the way HydrateWiring builds the hydrate function's: one SDK attempt per call, so the
 * component's retries and the SDK's do not multiply; the emulator's endpoint; credentials from the default chain,
 * which {@link LocalCredentials} feeds.
 */
public final class OneAttemptClients {

    private OneAttemptClients() {}

    public static KinesisClient kinesis(URI endpoint) {
        return factory(endpoint).kinesis();
    }

    public static S3Client s3(URI endpoint) {
        return factory(endpoint).s3();
    }

    private static AwsClientFactory factory(URI endpoint) {
        LocalCredentials.install();
        return new AwsClientFactory(AwsSettings.defaults()
                .withEndpoint(endpoint)
                .withRegion(LocalAws.REGION.id())
                .withSdkMaxAttempts(1));
    }
}
