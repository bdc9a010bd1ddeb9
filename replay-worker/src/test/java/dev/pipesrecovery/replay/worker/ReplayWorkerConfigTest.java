package dev.pipesrecovery.replay.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.replay.target.aws.TargetSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's environment as replay.yaml sets it, and one line naming the variable for each mistake. */
class ReplayWorkerConfigTest {

    private static final String DESTINATION =
            "arn:aws:events:eu-west-1:123456789012:api-destination/orders-api/8f3c2a10-0b1c-4d5e-9f00-123456789abc";

    private static Map<String, String> env(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ARCHIVE_BUCKET", "pipes-recovery-archive",
                "ARCHIVE_PREFIX", "archive",
                "REPLAY_CONSUMER", "orders-api",
                "REPLAY_TARGET_KIND", "http",
                "REPLAY_TARGET_ARN", DESTINATION,
                "REPLAY_CONNECTION", ""));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                env.remove(overrides[i]);
            } else {
                env.put(overrides[i], overrides[i + 1]);
            }
        }
        return env;
    }

    @Test
    void anApiDestinationWithoutConnection() {
        ReplayWorkerConfig config = ReplayWorkerConfig.fromEnvironment(env());

        assertThat(config.archiveBucket()).isEqualTo("pipes-recovery-archive");
        assertThat(config.archivePrefix()).isEqualTo("archive");
        assertThat(config.consumer()).isEqualTo("orders-api");
        assertThat(config.target()).isEqualTo(TargetSpec.Http.apiDestination(DESTINATION, null));
    }

    @Test
    void aPipeSendsItsRequestToTheApiDestination() {
        assertThat(ReplayWorkerConfig.fromEnvironment(env("REPLAY_PIPE", "orders-api", "REPLAY_CONNECTION", "conn"))
                        .target())
                .isEqualTo(TargetSpec.Http.pipeTo("orders-api", DESTINATION, "conn"));
        assertThat(ReplayWorkerConfig.fromEnvironment(env("REPLAY_PIPE", "")).target())
                .as("replay.yaml's empty PipeName: the API destination alone")
                .isEqualTo(TargetSpec.Http.apiDestination(DESTINATION, null));
    }

    @Test
    void aPipeIsForAnApiDestinationOnlyAndAPipeName() {
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env(
                        "REPLAY_TARGET_KIND", "kinesis",
                        "REPLAY_TARGET_ARN", "arn:aws:kinesis:eu-west-1:123456789012:stream/orders-replay",
                        "REPLAY_PIPE", "orders-api")))
                .hasMessage("REPLAY_PIPE is for REPLAY_TARGET_KIND http only (a pipe's InputTemplate shapes requests"
                        + " to its API destination), was 'kinesis'");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(
                        env("REPLAY_PIPE", "arn:aws:pipes:eu-west-1:123456789012:pipe/orders-api")))
                .hasMessageStartingWith("REPLAY_PIPE must be a pipe name ([.\\-_A-Za-z0-9]{1,64}), was 'arn:aws:");
    }

    @Test
    void anEventBusTakesTheDefaultSourceUnlessSet() {
        String bus = "arn:aws:events:eu-west-1:123456789012:event-bus/replays";

        assertThat(ReplayWorkerConfig.fromEnvironment(
                                env("REPLAY_TARGET_KIND", "eventbridge", "REPLAY_TARGET_ARN", bus))
                        .target())
                .isEqualTo(new TargetSpec.EventBus(bus, "pipes-recovery.replay", "Replayed record"));
        assertThat(ReplayWorkerConfig.fromEnvironment(env(
                                "REPLAY_TARGET_KIND", "eventbridge",
                                "REPLAY_TARGET_ARN", bus,
                                "REPLAY_EVENT_SOURCE", "orders.replay",
                                "REPLAY_DETAIL_TYPE", "Order"))
                        .target())
                .isEqualTo(new TargetSpec.EventBus(bus, "orders.replay", "Order"));
    }

    @Test
    void aStream() {
        String stream = "arn:aws:kinesis:eu-west-1:123456789012:stream/orders-replay";

        assertThat(ReplayWorkerConfig.fromEnvironment(env("REPLAY_TARGET_KIND", "kinesis", "REPLAY_TARGET_ARN", stream))
                        .target())
                .isEqualTo(new TargetSpec.Stream(stream));
    }

    @Test
    void eachMistakeIsOneLineNamingItsVariable() {
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env("ARCHIVE_BUCKET", null)))
                .hasMessage("ARCHIVE_BUCKET is required: the recovery stack's archive bucket");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env("ARCHIVE_BUCKET", "s3://bucket")))
                .hasMessage("ARCHIVE_BUCKET is not a valid S3 bucket name: 's3://bucket'");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env("REPLAY_CONSUMER", " ")))
                .hasMessageStartingWith("REPLAY_CONSUMER is required");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env("REPLAY_CONSUMER", "..")))
                .hasMessageStartingWith("REPLAY_CONSUMER: ");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env("REPLAY_TARGET_KIND", "sqs")))
                .hasMessage("REPLAY_TARGET_KIND must be http, eventbridge or kinesis, was 'sqs'");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env("REPLAY_TARGET_ARN", null)))
                .hasMessageStartingWith("REPLAY_TARGET_ARN is required");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(
                        env("REPLAY_TARGET_ARN", "arn:aws:events:eu-west-1:123456789012:event-bus/default")))
                .hasMessageStartingWith("REPLAY_TARGET_ARN must be an API destination's ARN");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env("REPLAY_TARGET_KIND", "kinesis")))
                .hasMessageStartingWith("REPLAY_TARGET_ARN must be a Kinesis stream ARN for REPLAY_TARGET_KIND");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env(
                        "REPLAY_TARGET_KIND", "eventbridge",
                        "REPLAY_TARGET_ARN", "arn:aws:events:eu-west-1:123456789012:event-bus/default",
                        "REPLAY_CONNECTION", "partner")))
                .hasMessageStartingWith("REPLAY_CONNECTION is for REPLAY_TARGET_KIND http only");
        assertThatThrownBy(() -> ReplayWorkerConfig.fromEnvironment(env(
                        "REPLAY_TARGET_KIND", "eventbridge",
                        "REPLAY_TARGET_ARN", "arn:aws:events:eu-west-1:123456789012:event-bus/default",
                        "REPLAY_EVENT_SOURCE", "aws.orders")))
                .hasMessage("REPLAY_EVENT_SOURCE must not start with 'aws.' (reserved by PutEvents), was 'aws.orders'");
    }

    @Test
    void theBudgetKeepsTheMarginBackAndIsNeverNegative() {
        assertThat(ReplayWorkerHandler.budget(900_000)).isEqualTo(Duration.ofSeconds(860));
        assertThat(ReplayWorkerHandler.budget(60_000)).isEqualTo(Duration.ofSeconds(20));
        assertThat(ReplayWorkerHandler.budget(10_000)).isEqualTo(Duration.ZERO);
    }
}
