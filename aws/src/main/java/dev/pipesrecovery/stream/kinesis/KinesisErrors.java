package dev.pipesrecovery.stream.kinesis;

import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** How the reader treats each Kinesis error (https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html). */
final class KinesisErrors {

    private KinesisErrors() {
    }

    /**
     * Throttling (the shard's, or KMS's for an encrypted stream), a service-side 5xx, or a network/timeout error:
     * worth another attempt after a backoff. Access denied and the other KMS errors are not: they need a human.
     */
    static boolean isTransient(RuntimeException e) {
        if (e instanceof ProvisionedThroughputExceededException || e instanceof LimitExceededException
                || e instanceof KmsThrottlingException) {
            return true;
        }
        if (e instanceof SdkClientException) {
            return true; // I/O error, connection reset, attempt timeout
        }
        return e instanceof KinesisException k && (k.statusCode() >= 500 || k.isThrottlingException());
    }

    /**
     * An error of GetShardIterator that says the position itself cannot be read (sequence number beyond the trim
     * horizon, from another shard, or an expired shard), as opposed to a missing stream or a bad request.
     * Real Kinesis answers {@code InvalidArgumentException}; kinesis-local answers {@code ResourceNotFoundException}
     * "Unable to find record with provided SequenceNumber": both are accepted, and the caller still checks that the
     * stream exists before calling the range gone.
     */
    static boolean isAboutPosition(RuntimeException e) {
        if (!(e instanceof InvalidArgumentException || e instanceof ResourceNotFoundException)) {
            return false;
        }
        String message = String.valueOf(((KinesisException) e).awsErrorDetails() == null ? e.getMessage()
                : ((KinesisException) e).awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
        return message.contains("sequence") || message.contains("shard");
    }

    static String describe(RuntimeException e) {
        if (e instanceof KinesisException k && k.awsErrorDetails() != null) {
            return k.awsErrorDetails().errorCode() + ": " + k.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
