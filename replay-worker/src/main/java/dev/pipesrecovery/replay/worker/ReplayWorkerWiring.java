package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.replay.engine.EngineTime;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.replay.target.aws.AwsTargets;
import dev.pipesrecovery.replay.target.aws.TargetSpec;
import dev.pipesrecovery.retry.Sleeper;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The replay worker function put together from its environment, once per execution environment (the init phase).
 * Clients come from the shared {@link AwsClientFactory} (the SDK's default credentials and region, the standard
 * {@code AWS_ENDPOINT_URL_*} overrides, the URL-connection HTTP client, API call timeouts) and the target from
 * {@link AwsTargets}, the same construction path {@code pipes-replay replay --target} uses (that of {@code --pipe} for
 * a stack with a PipeName). They live as long as the execution environment: Lambda freezes it between invocations and
 * ends it without a shutdown call.
 */
final class ReplayWorkerWiring {

    private ReplayWorkerWiring() {}

    /** @throws IllegalArgumentException one line naming the variable that is missing or invalid */
    static ReplayWorker fromEnvironment(Map<String, String> env) {
        ReplayWorkerConfig config = ReplayWorkerConfig.fromEnvironment(env);
        Clock clock = Clock.systemUTC();
        AwsSettings settings = AwsSettings.defaults();
        S3Client s3 = new AwsClientFactory(settings).s3();
        ReplayTarget target;
        try {
            target = new AwsTargets(settings, clock, client -> {}).open(config.target());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variableOf(config) + ": " + e.getMessage(), e);
        }
        return new ReplayWorker(
                S3ArchiveStore.create(s3, config.archiveBucket()),
                new KeyLayout(config.archivePrefix()),
                target,
                config.consumer(),
                EngineTime.of(clock, Sleeper.SYSTEM));
    }

    /** The variable a target that cannot be sent to comes from: the pipe when there is one (it names the rest). */
    private static String variableOf(ReplayWorkerConfig config) {
        return config.target() instanceof TargetSpec.Http http && http.pipe() != null
                ? ReplayWorkerConfig.REPLAY_PIPE
                : ReplayWorkerConfig.REPLAY_TARGET_ARN;
    }
}
