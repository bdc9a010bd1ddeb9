package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.s3.S3ArchiveStore;
import dev.pipesrecovery.aws.AwsClientFactory;
import dev.pipesrecovery.aws.AwsSettings;
import dev.pipesrecovery.replay.plan.s3.S3PlanUpload;
import dev.pipesrecovery.replay.plan.sfn.StepFunctionsStart;
import dev.pipesrecovery.replay.state.sfn.StepFunctionsRunStatus;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.replay.target.aws.AwsTargets;
import dev.pipesrecovery.triage.aws.ConsumerInspection;
import dev.pipesrecovery.triage.aws.FailureReason;
import dev.pipesrecovery.triage.aws.MetricsInspector;
import dev.pipesrecovery.triage.aws.PipeInspector;
import dev.pipesrecovery.triage.aws.QueueInspector;
import dev.pipesrecovery.triage.aws.QueuePeek;
import dev.pipesrecovery.triage.aws.StreamInspector;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Deque;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.pipes.PipesClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS side of {@link DefaultWiring}: clients from the aws module's {@link AwsClientFactory} (so
 * {@code --endpoint-url}, {@code --region}, {@code --profile} and {@code AWS_ENDPOINT_URL*} behave as everywhere in
 * the project). The target is built by {@link AwsTargets}, the replay worker function's way too. Archive reads keep
 * the SDK's default attempts (no domain retry wraps a listing).
 */
final class AwsWiring {

    private final AwsClientFactory archiveClients;
    private final AwsTargets targets;
    private final AwsOptions options;
    private final Clock clock;
    private final Deque<AutoCloseable> toClose;
    private ArchiveStore archive;

    AwsWiring(AwsOptions options, Clock clock, Deque<AutoCloseable> toClose) {
        this.options = options;
        this.clock = clock;
        this.toClose = toClose;
        AwsSettings settings = settings(options);
        this.archiveClients = new AwsClientFactory(settings);
        this.targets = new AwsTargets(settings, clock, this::closeLater);
    }

    private static AwsSettings settings(AwsOptions options) {
        AwsSettings settings = AwsSettings.defaults();
        if (options.endpointUrl() != null) {
            try {
                URI endpoint = new URI(options.endpointUrl());
                settings = settings.withEndpoint(endpoint);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw CliException.usage("bad --endpoint-url '" + options.endpointUrl()
                        + "': expected an absolute URL like http://localhost:4566");
            }
        }
        if (options.region() != null) {
            settings = settings.withRegion(options.region());
        }
        if (options.profile() != null) {
            settings = settings.withProfile(options.profile());
        }
        return settings;
    }

    synchronized ArchiveStore archive() {
        if (archive == null) {
            S3Client s3 = closeLater(archiveClients.s3());
            archive = closeLater(S3ArchiveStore.create(s3, options.requireBucket()));
        }
        return archive;
    }

    /** The plan's upload (the archive's bucket), the replay state machine's StartExecution, and its status. */
    ManagedRunClients managedRuns() {
        S3Client s3 = closeLater(archiveClients.s3());
        SfnClient sfn = closeLater(archiveClients.configure(SfnClient.builder()).build());
        return new ManagedRunClients(
                new S3PlanUpload(s3, options.requireBucket()),
                new StepFunctionsStart(sfn),
                new StepFunctionsRunStatus(sfn, this::unknownBecause));
    }

    /**
     * Triage's readers. Their clients keep the SDK's default attempts (no domain retry wraps them); a failure becomes
     * an "unknown" line worded as {@link AwsErrorMessages} words every other AWS failure.
     */
    ConsumerInspection triage() {
        FailureReason reason = this::unknownBecause;
        SqsClient sqs = closeLater(archiveClients.configure(SqsClient.builder()).build());
        return new ConsumerInspection(
                new PipeInspector(
                        closeLater(
                                archiveClients.configure(PipesClient.builder()).build()),
                        reason),
                new StreamInspector(closeLater(archiveClients.kinesis()), reason),
                new QueueInspector(sqs, reason),
                new QueuePeek(sqs, reason),
                new MetricsInspector(
                        closeLater(archiveClients
                                .configure(CloudWatchClient.builder())
                                .build()),
                        reason));
    }

    /**
     * One line, as every command words an AWS failure; for a network failure the root cause, which names the host
     * (the SDK's own message about an unresolvable endpoint runs to four sentences and names none).
     */
    private String unknownBecause(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.UnknownHostException || root instanceof java.net.ConnectException) {
            return "cannot reach AWS: " + root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        CliException misconfigured = AwsErrorMessages.misconfiguration(failure, options.profile());
        if (misconfigured != null) { // no region or no valid credentials: no check can be made, say so once (exit 2)
            throw misconfigured;
        }
        CliException explained = AwsErrorMessages.explain(failure, options.bucket(), options.profile());
        return explained != null ? explained.getMessage() : failure.getClass().getSimpleName();
    }

    ReplayTarget target(TargetOptions target) {
        try {
            return targets.open(target.spec());
        } catch (SdkException e) {
            CliException misconfigured = AwsErrorMessages.misconfiguration(e, options.profile());
            throw misconfigured != null
                    ? misconfigured
                    : new CliException(ExitCodes.UNEXPECTED, "cannot prepare the target: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        synchronized (toClose) {
            toClose.push(closeable);
        }
        return closeable;
    }
}
