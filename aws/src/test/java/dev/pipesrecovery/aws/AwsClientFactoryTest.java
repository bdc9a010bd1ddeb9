package dev.pipesrecovery.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The factory against real emulators, configured the way an operator would: credentials, region and endpoints from
 * the SDK's standard settings. System properties stand in for the environment variables (the SDK reads both:
 * {@code aws.endpointUrlS3} = {@code AWS_ENDPOINT_URL_S3}), since a JVM cannot set its own environment.
 */
class AwsClientFactoryTest {

    private static final String[] PROPERTIES = {
        "aws.accessKeyId",
        "aws.secretAccessKey",
        "aws.region",
        "aws.endpointUrl",
        "aws.endpointUrlS3",
        "aws.endpointUrlKinesis",
        "aws.configFile",
        "aws.sharedCredentialsFile"
    };

    @BeforeEach
    void standardCredentialsAndRegion() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.region", "us-east-1");
    }

    @AfterEach
    void clearProperties() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
    }

    static void roundTrip(S3Client s3) {
        String bucket = "factory-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key("k.json"), RequestBody.fromString("{}"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k.json")).asUtf8String())
                .isEqualTo("{}");
    }

    @Test
    void anExplicitEndpointGivesAPathStyleS3ClientThatWorksAgainstAnEmulator() {
        URI endpoint = Emulators.s3().endpoint();
        try (S3Client s3 = new AwsClientFactory(
                        AwsSettings.defaults().withEndpoint(endpoint).withRegion("us-east-1"))
                .s3()) {
            assertThat(s3.serviceClientConfiguration().endpointOverride()).contains(endpoint);
            roundTrip(s3);
        }
    }

    @Test
    void theServiceSpecificEndpointSettingIsHonouredWithPathStyle() {
        System.setProperty("aws.endpointUrlS3", Emulators.s3().endpoint().toString());
        try (S3Client s3 = AwsClientFactory.standard().s3()) {
            roundTrip(s3);
        }
    }

    @Test
    void theGlobalEndpointSettingIsHonouredForKinesis() {
        System.setProperty("aws.endpointUrl", Emulators.kinesalite().endpoint().toString());
        try (KinesisClient kinesis = AwsClientFactory.standard().kinesis()) {
            assertThat(kinesis.listStreams().hasStreamNames()).isTrue();
            assertThat(kinesis.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        }
    }

    @Test
    void aProfileGivesCredentialsRegionAndEndpoint(@TempDir Path dir) throws Exception {
        clearProperties(); // nothing from system properties: everything must come from the profile
        Path config = Files.writeString(
                dir.resolve("config"),
                "[profile emu]\nregion = us-east-1\nendpoint_url = "
                        + Emulators.kinesalite().endpoint() + "\n");
        Path credentials = Files.writeString(
                dir.resolve("credentials"), "[emu]\naws_access_key_id = test\naws_secret_access_key = test\n");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());

        try (KinesisClient kinesis = new AwsClientFactory(AwsSettings.defaults().withProfile("emu")).kinesis()) {
            assertThat(kinesis.serviceClientConfiguration().endpointOverride())
                    .contains(Emulators.kinesalite().endpoint());
            assertThat(kinesis.listStreams().hasStreamNames()).isTrue();
        }
    }

    @Test
    void withoutAnyEndpointTheClientTargetsAws() {
        try (S3Client s3 = AwsClientFactory.standard().s3()) {
            assertThat(s3.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void theSdkRetryBudgetIsExplicit() {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.inFrontOf(Emulators.s3());
                S3Client s3 = new AwsClientFactory(AwsSettings.defaults()
                                .withEndpoint(proxy.endpoint())
                                .withSdkMaxAttempts(2))
                        .s3()) {
            proxy.injectAlways(RequestMatch.http("GET", "/budget/"), Fault.s3InternalError());

            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("budget").key("k")))
                    .isInstanceOf(S3Exception.class);
            assertThat(proxy.count(RequestMatch.http("GET", "/budget/"))).isEqualTo(2);
        }
    }

    @Test
    void badSettingsAreRefusedWithAClearMessage() {
        AwsSettings defaults = AwsSettings.defaults();
        assertThatThrownBy(() -> defaults.withEndpoint(URI.create("localhost:4566")))
                .hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> defaults.withRegion(" ")).hasMessageContaining("region");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .hasMessageContaining("apiCallAttemptTimeout");
        assertThatThrownBy(() -> defaults.withSdkMaxAttempts(0)).hasMessageContaining("sdkMaxAttempts");
    }
}
