package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns AWS failures into one line an SRE can act on. Only loaded when something failed (keeps the SDK out of
 * {@code --help}).
 */
final class AwsErrorMessages {

    private AwsErrorMessages() {
    }

    /** A {@link CliException} for a failure we can explain, else null. */
    static CliException explain(Throwable failure, String bucket) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                String code = service.awsErrorDetails().errorCode();
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
                return new CliException(ExitCodes.UNEXPECTED, "cannot reach AWS: " + firstLine(client), failure);
            }
        }
        if (failure instanceof ArchiveException archive) {
            return new CliException(ExitCodes.UNEXPECTED, firstLine(archive), failure);
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
