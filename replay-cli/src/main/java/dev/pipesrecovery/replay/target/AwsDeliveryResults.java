package dev.pipesrecovery.replay.target;

import dev.pipesrecovery.aws.AwsFailure;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The delivery results of the AWS targets' batch calls (PutEvents, PutRecords), judged by the aws module's one
 * classifier, {@link AwsFailure}: what is transient is retried, the rest is final. Failures are grouped by the
 * service's error code, or {@code ConnectionError} when no answer came back.
 */
public final class AwsDeliveryResults {

    /**
     * One entry of a batch call's answer, in request order: whether the service acknowledged it (an event id, a
     * sequence number) and its error code and message (null when it has none).
     */
    public record Answered(boolean acknowledged, String errorCode, String errorMessage) {}

    private AwsDeliveryResults() {}

    /** The result of every item of a request whose call failed as a whole. */
    public static DeliveryResult ofFailedCall(SdkException e) {
        AwsFailure failure = AwsFailure.of(e).orElseThrow();
        String code = failure.statusCode() == 0 && failure.isTransient() ? "ConnectionError" : failure.code();
        return failure.isTransient()
                ? DeliveryResult.retryable(code, failure.describe(), null)
                : DeliveryResult.failed(code, failure.describe());
    }

    /**
     * One result per entry sent, read entry by entry from the answer (a failed-entry count is never trusted): an entry
     * the answer lacks is retried; one neither acknowledged nor failed with a code fails as {@code unacknowledgedCode}.
     *
     * @param call the API, for messages ({@code PutRecords})
     */
    public static List<DeliveryResult> ofEntries(
            int sent, List<Answered> answered, String call, String unacknowledgedCode) {
        List<DeliveryResult> results = new ArrayList<>(sent);
        for (int i = 0; i < sent; i++) {
            Answered entry = i < answered.size() ? answered.get(i) : null;
            if (entry == null) {
                results.add(DeliveryResult.retryable("MissingResultEntry", call + " returned no entry", null));
            } else if (entry.errorCode() != null) {
                results.add(
                        AwsFailure.isTransientErrorCode(entry.errorCode())
                                ? DeliveryResult.retryable(entry.errorCode(), entry.errorMessage(), null)
                                : DeliveryResult.failed(entry.errorCode(), entry.errorMessage()));
            } else if (entry.acknowledged()) {
                results.add(DeliveryResult.delivered());
            } else {
                results.add(DeliveryResult.failed(unacknowledgedCode, entry.errorMessage()));
            }
        }
        return results;
    }
}
