package dev.pipesrecovery.testkit;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK client settings for talking to an emulator: static credentials {@code test/test}, region {@code us-east-1},
 * the emulator's endpoint, the URL-connection HTTP client, an API call timeout, and S3 path-style addressing (an
 * emulator on 127.0.0.1 has no per-bucket host names). Explicit settings, so no environment or profile leaks in.
 */
public final class LocalAws {

    public static final Region REGION = Region.US_EAST_1;
    /** The account every emulator is configured with, so ARNs parse like real ones. */
    public static final String ACCOUNT_ID = "123456789012";

    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(30);

    private LocalAws() {}

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    /** Configures any service's builder for {@code endpoint}, e.g. {@code configure(EventBridgeClient.builder(), moto.endpoint()).build()}. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        builder.region(REGION)
                .credentialsProvider(credentials())
                .endpointOverride(endpoint)
                .overrideConfiguration(c -> c.apiCallTimeout(API_CALL_TIMEOUT));
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        if (builder instanceof S3BaseClientBuilder<?, ?> s3) {
            s3.forcePathStyle(true);
        }
        return builder;
    }

    public static KinesisClient kinesis(URI endpoint) {
        return configure(KinesisClient.builder(), endpoint).build();
    }

    public static S3Client s3(URI endpoint) {
        return configure(S3Client.builder(), endpoint).build();
    }

    public static SqsClient sqs(URI endpoint) {
        return configure(SqsClient.builder(), endpoint).build();
    }

    public static KinesisClient kinesis(Emulator emulator) {
        return kinesis(emulator.endpoint());
    }

    public static S3Client s3(Emulator emulator) {
        return s3(emulator.endpoint());
    }

    public static SqsClient sqs(Emulator emulator) {
        return sqs(emulator.endpoint());
    }
}
