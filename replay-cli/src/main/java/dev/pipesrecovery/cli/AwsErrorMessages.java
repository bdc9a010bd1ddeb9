package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.aws.AwsFailure;

/**
 * Turns AWS failures into one line an SRE can act on. Misconfiguration (no region, no credentials, expired or
 * rejected credentials) is a usage error, exit 2, with what to do instead of the SDK's provider-chain dump. Which
 * failure is which is the aws module's {@link AwsFailure}; this class only words it. Only loaded when something
 * failed (keeps the SDK out of {@code --help}).
 */
final class AwsErrorMessages {

    private AwsErrorMessages() {}

    /**
     * A {@link CliException} for a failure we can explain (an AWS or archive failure), else null.
     *
     * @param profile {@code --profile}, named when it holds no credentials; may be null
     */
    static CliException explain(Throwable failure, String bucket, String profile) {
        AwsFailure aws = AwsFailure.of(failure).orElse(null);
        if (aws == null) {
            return archiveFailure(failure);
        }
        CliException misconfigured = misconfiguration(aws, profile, failure);
        if (misconfigured != null) {
            return misconfigured;
        }
        if ("NoSuchBucket".equals(aws.code())) {
            return new CliException(
                    ExitCodes.USAGE,
                    "bucket " + bucket + " does not exist (check --bucket, " + "--region and --endpoint-url)",
                    failure);
        }
        if (aws.kind() == AwsFailure.Kind.ACCESS_DENIED) {
            return new CliException(
                    ExitCodes.UNEXPECTED,
                    "access denied: " + aws.message() + requestId(aws)
                            + " (replay-cli/README.md lists the IAM permissions each command needs)",
                    failure);
        }
        if (aws.statusCode() == 0) {
            return new CliException(ExitCodes.UNEXPECTED, "cannot reach AWS: " + aws.message(), failure);
        }
        return new CliException(
                ExitCodes.UNEXPECTED, "AWS error " + aws.code() + ": " + aws.message() + requestId(aws), failure);
    }

    private static String requestId(AwsFailure aws) {
        return aws.requestId() == null ? "" : " (request ID " + aws.requestId() + ")";
    }

    /** The region or credentials are missing, expired or rejected (exit 2), else null. */
    static CliException misconfiguration(Throwable failure, String profile) {
        return AwsFailure.of(failure)
                .map(aws -> misconfiguration(aws, profile, failure))
                .orElse(null);
    }

    private static CliException misconfiguration(AwsFailure aws, String profile, Throwable failure) {
        return switch (aws.kind()) {
            case NO_REGION -> CliException.usage("no AWS region: pass --region or set AWS_REGION", failure);
            case NO_CREDENTIALS ->
                profile != null
                        ? CliException.usage(
                                "no AWS credentials for profile " + profile
                                        + ": check ~/.aws/config and ~/.aws/credentials (aws configure --profile "
                                        + profile
                                        + ", or aws sso login --profile " + profile + ")",
                                failure)
                        : CliException.usage(
                                "no AWS credentials: set AWS_PROFILE (or pass --profile), or "
                                        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role provides them",
                                failure);
            case EXPIRED_CREDENTIALS ->
                CliException.usage(
                        aws.statusCode() == 0
                                ? "the AWS SSO session has expired: run aws sso login and the command again"
                                : "the AWS credentials have expired (" + aws.code()
                                        + "): refresh them (aws sso login, or new "
                                        + "session credentials) and run the command again",
                        failure);
            case REJECTED_CREDENTIALS ->
                CliException.usage(
                        "AWS rejected the credentials (" + aws.code() + "): "
                                + "check AWS_PROFILE/--profile or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN",
                        failure);
            default -> null;
        };
    }

    private static CliException archiveFailure(Throwable failure) {
        if (!(failure instanceof ArchiveException archive)) {
            return null;
        }
        String message = archive.getMessage() == null ? "ArchiveException" : archive.getMessage();
        return new CliException(
                ExitCodes.UNEXPECTED, message.lines().findFirst().orElse(message), failure);
    }
}
