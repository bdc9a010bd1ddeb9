package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns AWS failures into one line an SRE can act on. Misconfiguration (no region, no credentials, expired or
 * rejected credentials) is a usage error, exit 2, with what to do instead of the SDK's provider-chain dump.
 * Only loaded when something failed (keeps the SDK out of {@code --help}).
 */
final class AwsErrorMessages {

    /** Session credentials past their expiry (S3/STS: ExpiredToken; JSON-protocol services: ExpiredTokenException). */
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    /** Credentials AWS does not know or whose signature does not match. */
    private static final Set<String> REJECTED = Set.of("InvalidAccessKeyId", "InvalidClientTokenId",
            "UnrecognizedClientException", "SignatureDoesNotMatch", "IncompleteSignature", "AuthFailure");
    private static final Pattern PROFILE_WITHOUT_CREDENTIALS =
            Pattern.compile("Profile file contained no credentials for profile '([^']*)'");

    private AwsErrorMessages() {
    }

    /** A {@link CliException} for a failure we can explain, else null. */
    static CliException explain(Throwable failure, String bucket) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                String code = service.awsErrorDetails().errorCode();
                CliException misconfigured = credentials(code, failure);
                if (misconfigured != null) {
                    return misconfigured;
                }
                if ("NoSuchBucket".equals(code)) {
                    return new CliException(ExitCodes.USAGE, "bucket " + bucket + " does not exist (check --bucket, "
                            + "--region and --endpoint-url)", failure);
                }
                if ("AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
                    return new CliException(ExitCodes.UNEXPECTED, "access denied: " + firstLine(service)
                            + " (replay-cli/README.md lists the IAM permissions each command needs)", failure);
                }
                return new CliException(ExitCodes.UNEXPECTED, "AWS error " + code + ": " + firstLine(service), failure);
            }
            if (cause instanceof SdkClientException client) {
                CliException misconfigured = clientSide(client, failure);
                return misconfigured != null ? misconfigured
                        : new CliException(ExitCodes.UNEXPECTED, "cannot reach AWS: " + firstLine(client), failure);
            }
        }
        if (failure instanceof ArchiveException archive) {
            return new CliException(ExitCodes.UNEXPECTED, firstLine(archive), failure);
        }
        return null;
    }

    /** The region or credentials are missing, expired or rejected (exit 2), else null. */
    static CliException misconfiguration(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                return credentials(service.awsErrorDetails().errorCode(), failure);
            }
            if (cause instanceof SdkClientException client) {
                return clientSide(client, failure);
            }
        }
        return null;
    }

    private static CliException credentials(String code, Throwable failure) {
        if (EXPIRED.contains(code)) {
            return new CliException(ExitCodes.USAGE, "the AWS credentials have expired (" + code + "): refresh them "
                    + "(aws sso login, or new session credentials) and run the command again", failure);
        }
        if (REJECTED.contains(code)) {
            return new CliException(ExitCodes.USAGE, "AWS rejected the credentials (" + code + "): check "
                    + "AWS_PROFILE/--profile or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN", failure);
        }
        return null;
    }

    /** The SDK's own messages for a missing region or missing credentials (it has no exception type for them). */
    private static CliException clientSide(SdkClientException client, Throwable failure) {
        String message = client.getMessage() == null ? "" : client.getMessage();
        if (message.startsWith("Unable to load region")) {
            return new CliException(ExitCodes.USAGE, "no AWS region: pass --region or set AWS_REGION", failure);
        }
        if (message.startsWith("Unable to load credentials")) { // the default chain: every source tried
            return new CliException(ExitCodes.USAGE, "no AWS credentials: set AWS_PROFILE (or pass --profile), or "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role provides them", failure);
        }
        Matcher profile = PROFILE_WITHOUT_CREDENTIALS.matcher(message); // --profile: that profile only
        if (profile.find()) {
            return new CliException(ExitCodes.USAGE, "no AWS credentials for profile " + profile.group(1) + ": check "
                    + "~/.aws/config and ~/.aws/credentials (aws configure --profile " + profile.group(1)
                    + ", or aws sso login --profile " + profile.group(1) + ")", failure);
        }
        if (message.contains("SSO session") && message.contains("expired")) {
            return new CliException(ExitCodes.USAGE, "the AWS SSO session has expired: run aws sso login and the "
                    + "command again", failure);
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
