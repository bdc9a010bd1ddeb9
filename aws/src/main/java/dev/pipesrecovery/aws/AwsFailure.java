package dev.pipesrecovery.aws;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An AWS SDK failure, classified once for every caller: the retry loops of the archive store and the stream
 * reader, pipes-replay's AWS targets (per request and per PutEvents/PutRecords entry) and its one-line error
 * messages. What the SDK knows comes from the SDK ({@link SdkRetryConditions}: its retry strategy's conditions;
 * {@code awsErrorDetails().errorCode()}); what it does not know is here once: error codes that services document as
 * retryable but the SDK does not list, credential errors, and the client-side messages that are the SDK's only
 * signal for a missing region or missing credentials.
 *
 * @param code       the service's error code ({@code ThrottlingException}), {@code HTTP <status>} when the answer had
 *                   none, or the exception's simple name for a client-side failure
 * @param statusCode the HTTP status, 0 when no answer came back (client side)
 * @param message    the first line of the service's (or the SDK's) message
 * @param requestId  the service's request id (for AWS support), null client side
 */
public record AwsFailure(Kind kind, String code, int statusCode, String message, String requestId) {

    public enum Kind {
        /**
         * Worth another attempt after a backoff: what the SDK's retry strategy retries, the codes below, and a call
         * that timed out as a whole ({@link ApiCallTimeoutException}: the next call gets a new time budget).
         */
        TRANSIENT,
        /** No region configured. */
        NO_REGION,
        /** No credentials: none in the default chain, or none in the named profile. */
        NO_CREDENTIALS,
        /** Session credentials (or an SSO session) past their expiry. */
        EXPIRED_CREDENTIALS,
        /** Credentials AWS does not know, or whose signature does not match. */
        REJECTED_CREDENTIALS,
        /** The caller may not do this (IAM, a bucket or key policy). */
        ACCESS_DENIED,
        /** The service refused the request for another reason: final until the request or the resource changes. */
        REFUSED,
        /** The SDK could not make the call for another reason (a bad setting, a request it cannot build). */
        CLIENT_ERROR
    }

    /**
     * Retryable by the services' documentation, unknown to the SDK's lists: a conditional write racing another
     * (S3 409, https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-requests.html); Kinesis's
     * LimitExceededException and KMS throttling of an encrypted stream
     * (https://docs.aws.amazon.com/kinesis/latest/APIReference/CommonErrors.html); the per-entry InternalFailure of
     * PutRecords and PutEvents (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevents.html).
     */
    private static final Set<String> DOCUMENTED_TRANSIENT_CODES =
            Set.of("ConditionalRequestConflict", "LimitExceededException", "KMSThrottlingException", "InternalFailure");
    /** Session credentials past their expiry (S3/STS: ExpiredToken; JSON-protocol services: ExpiredTokenException). */
    private static final Set<String> EXPIRED_CODES =
            Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");

    private static final Set<String> REJECTED_CODES = Set.of(
            "InvalidAccessKeyId",
            "InvalidClientTokenId",
            "UnrecognizedClientException",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "AuthFailure");
    private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException");
    /** What Kinesis answers a GetShardIterator whose position cannot be read (see {@link #isUnreadableKinesisPosition}). */
    private static final Set<String> KINESIS_POSITION_CODES =
            Set.of("InvalidArgumentException", "ResourceNotFoundException");

    /** The first {@link SdkException} in {@code failure}'s cause chain, classified; empty when there is none. */
    public static Optional<AwsFailure> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkException sdk) {
                return Optional.of(classify(sdk));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} (or its cause) is an SDK failure worth another attempt. */
    public static boolean isTransient(Throwable failure) {
        return of(failure).map(AwsFailure::isTransient).orElse(false);
    }

    /**
     * Whether the error code of one entry of a batch call (PutRecords, PutEvents: the call itself succeeded) is worth
     * sending that entry again, by the same rules as a whole call refused with that code.
     */
    public static boolean isTransientErrorCode(String errorCode) {
        return classify(AwsServiceException.builder()
                        .statusCode(400)
                        .message(errorCode)
                        .awsErrorDetails(
                                AwsErrorDetails.builder().errorCode(errorCode).build())
                        .build())
                .isTransient();
    }

    /** {@link #describe()} of the SDK failure in {@code failure}, else its class and message. */
    public static String describe(Throwable failure) {
        return of(failure)
                .map(AwsFailure::describe)
                .orElseGet(() -> failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    /** The region or the credentials need fixing by a person (missing, expired or rejected). */
    public boolean isMisconfiguration() {
        return kind == Kind.NO_REGION
                || kind == Kind.NO_CREDENTIALS
                || kind == Kind.EXPIRED_CREDENTIALS
                || kind == Kind.REJECTED_CREDENTIALS;
    }

    /**
     * Kinesis refused a shard iterator because the position itself cannot be read — the sequence number is past the
     * trim horizon, from another shard, or its shard has expired
     * (https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetShardIterator.html) — as opposed to a missing
     * stream or a bad request. Real Kinesis answers {@code InvalidArgumentException}; kinesis-local answers
     * {@code ResourceNotFoundException} "Unable to find record with provided SequenceNumber": both count, so the
     * caller still checks that the stream exists before it calls the range gone.
     */
    public boolean isUnreadableKinesisPosition() {
        String text = message.toLowerCase(Locale.ROOT);
        return KINESIS_POSITION_CODES.contains(code) && (text.contains("sequence") || text.contains("shard"));
    }

    /** {@code 503 SlowDown: Please reduce your request rate.}, or {@code SdkClientException: ...} client side. */
    public String describe() {
        return (statusCode > 0 && !code.equals("HTTP " + statusCode) ? statusCode + " " : "") + code + ": " + message;
    }

    private static AwsFailure classify(SdkException e) {
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null || details.errorCode() == null
                    ? "HTTP " + service.statusCode()
                    : details.errorCode();
            String message =
                    details == null || details.errorMessage() == null ? service.getMessage() : details.errorMessage();
            return new AwsFailure(
                    serviceKind(service, code), code, service.statusCode(), firstLine(message), service.requestId());
        }
        return new AwsFailure(clientKind(e), e.getClass().getSimpleName(), 0, firstLine(e.getMessage()), null);
    }

    private static Kind serviceKind(AwsServiceException e, String code) {
        if (EXPIRED_CODES.contains(code)) {
            return Kind.EXPIRED_CREDENTIALS;
        }
        if (REJECTED_CODES.contains(code)) {
            return Kind.REJECTED_CREDENTIALS;
        }
        if (DOCUMENTED_TRANSIENT_CODES.contains(code) || SdkRetryConditions.retries(e)) {
            return Kind.TRANSIENT;
        }
        return ACCESS_DENIED_CODES.contains(code) ? Kind.ACCESS_DENIED : Kind.REFUSED;
    }

    /** The SDK has no exception type for a missing region or missing credentials: its messages say it. */
    private static Kind clientKind(SdkException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Unable to load region")) {
            return Kind.NO_REGION;
        }
        if (message.startsWith("Unable to load credentials") // the default chain: every source tried
                || message.contains("Profile file contained no credentials for profile")) { // --profile: that one
            return Kind.NO_CREDENTIALS;
        }
        if (message.contains("SSO session") && message.contains("expired")) {
            return Kind.EXPIRED_CREDENTIALS;
        }
        return e instanceof ApiCallTimeoutException || SdkRetryConditions.retries(e)
                ? Kind.TRANSIENT
                : Kind.CLIENT_ERROR;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
