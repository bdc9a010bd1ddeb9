package dev.pipesrecovery.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the archive is and how to reach AWS. Inherited by every subcommand, so the options go before or after the
 * subcommand name. Endpoints also follow the SDK's standard {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>}.
 */
public final class AwsOptions {

    @Option(
            names = "--bucket",
            scope = ScopeType.INHERIT,
            paramLabel = "BUCKET",
            description = "The archive bucket (default: $PIPES_REPLAY_BUCKET).",
            defaultValue = "${env:PIPES_REPLAY_BUCKET}")
    String bucket;

    @Option(
            names = "--prefix",
            scope = ScopeType.INHERIT,
            paramLabel = "PREFIX",
            defaultValue = "${env:PIPES_REPLAY_PREFIX}",
            description = "The archive key prefix, if the hydrate function uses one (default: $PIPES_REPLAY_PREFIX, "
                    + "else none).")
    String prefix;

    @Option(
            names = "--region",
            scope = ScopeType.INHERIT,
            paramLabel = "REGION",
            description = "AWS region (default: the SDK's region chain: AWS_REGION, profile).")
    String region;

    @Option(
            names = "--profile",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description = "Named profile from ~/.aws/config and ~/.aws/credentials.")
    String profile;

    @Option(
            names = "--endpoint-url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "Send every AWS call to this endpoint (like the AWS CLI; for emulators).")
    String endpointUrl;

    public String bucket() {
        return bucket;
    }

    public String prefix() {
        return prefix == null ? "" : prefix;
    }

    public String region() {
        return region;
    }

    public String profile() {
        return profile;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    /** The bucket, or a usage error saying how to give it. */
    public String requireBucket() {
        if (bucket == null || bucket.isBlank()) {
            throw CliException.usage("missing --bucket (the archive bucket; or set PIPES_REPLAY_BUCKET)");
        }
        return bucket;
    }
}
