package dev.pipesrecovery.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.aws.AwsFailure.Kind;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one classifier of SDK failures, on the exceptions the SDK builds from real answers (the emulator-backed tests
 * of the store, the reader and the replay targets go through it as well).
 */
class AwsFailureTest {

    private static S3Exception s3(int status, String code, String message) {
        return (S3Exception) S3Exception.builder()
                .statusCode(status)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build();
    }

    private static AwsFailure kinesis(String code, String message) {
        return classify(AwsServiceException.builder()
                .statusCode(400)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .build());
    }

    private static AwsFailure classify(Throwable e) {
        return AwsFailure.of(e).orElseThrow();
    }

    @Test
    void throttlingServerErrorsAndRacingConditionalWritesAreTransient() {
        assertThat(classify(s3(503, "SlowDown", "Please reduce your request rate."))
                        .kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(classify(s3(500, "InternalError", "We encountered an internal error."))
                        .kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(classify(s3(409, "ConditionalRequestConflict", "A conflicting conditional operation"))
                        .kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(classify(ProvisionedThroughputExceededException.builder()
                                .statusCode(400)
                                .awsErrorDetails(AwsErrorDetails.builder()
                                        .errorCode("ProvisionedThroughputExceededException")
                                        .build())
                                .build())
                        .kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(classify(LimitExceededException.builder()
                                .statusCode(400)
                                .awsErrorDetails(AwsErrorDetails.builder()
                                        .errorCode("LimitExceededException")
                                        .build())
                                .build())
                        .kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(classify(KmsThrottlingException.builder()
                                .statusCode(400)
                                .awsErrorDetails(AwsErrorDetails.builder()
                                        .errorCode("KMSThrottlingException")
                                        .build())
                                .build())
                        .kind())
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void aKinesisPositionThatCannotBeReadIsToldFromAMissingStreamOrABadRequest() {
        // real Kinesis, a sequence number past the trim horizon; kinesis-local, the same; an expired shard
        assertThat(kinesis(
                                "InvalidArgumentException",
                                "StartingSequenceNumber 4960 used in GetShardIterator on shard "
                                        + "shardId-000000000000 in stream orders under account 123456789012 is invalid because it did not "
                                        + "come from this stream.")
                        .isUnreadableKinesisPosition())
                .isTrue();
        assertThat(kinesis("ResourceNotFoundException", "Unable to find record with provided SequenceNumber 4960")
                        .isUnreadableKinesisPosition())
                .isTrue();
        assertThat(kinesis(
                                "ResourceNotFoundException",
                                "Shard shardId-000000000001 in stream orders under account "
                                        + "123456789012 does not exist")
                        .isUnreadableKinesisPosition())
                .isTrue();

        assertThat(kinesis("ResourceNotFoundException", "Stream orders under account 123456789012 not found.")
                        .isUnreadableKinesisPosition())
                .isFalse();
        assertThat(kinesis("InvalidArgumentException", "1 validation error detected: Value null at 'streamName'")
                        .isUnreadableKinesisPosition())
                .isFalse();
        assertThat(kinesis("AccessDeniedException", "not authorized to perform kinesis:GetShardIterator on shard")
                        .isUnreadableKinesisPosition())
                .isFalse();
        AwsFailure expired = kinesis("ExpiredIteratorException", "Iterator expired.");
        assertThat(expired.kind()).as("the reader renews it, no backoff").isEqualTo(Kind.REFUSED);
        assertThat(expired.isUnreadableKinesisPosition()).isFalse();
    }

    @Test
    void otherRefusalsAreFinal() {
        assertThat(classify(s3(409, "BucketNotEmpty", "The bucket is not empty"))
                        .kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(classify(s3(412, "PreconditionFailed", "At least one precondition failed"))
                        .kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(classify(s3(404, "NoSuchBucket", "The specified bucket does not exist"))
                        .kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(classify(s3(501, "NotImplemented", "not implemented")).kind())
                .as("the SDK retries 500/502/503/504")
                .isEqualTo(Kind.REFUSED);
        AwsFailure denied = classify(s3(403, "AccessDenied", "Access Denied"));
        assertThat(denied.kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(denied.describe()).isEqualTo("403 AccessDenied: Access Denied");
    }

    @Test
    void credentialsThatExpiredOrAreUnknownAreMisconfiguration() {
        AwsFailure expired = classify(s3(400, "ExpiredToken", "The provided token has expired."));
        AwsFailure rejected = classify(s3(403, "InvalidAccessKeyId", "The AWS Access Key Id does not exist."));

        assertThat(expired.kind()).isEqualTo(Kind.EXPIRED_CREDENTIALS);
        assertThat(rejected.kind()).isEqualTo(Kind.REJECTED_CREDENTIALS);
        assertThat(expired.isMisconfiguration() && rejected.isMisconfiguration())
                .isTrue();
        assertThat(expired.isTransient()).isFalse();
    }

    @Test
    void clientSideFailures() {
        assertThat(classify(SdkClientException.create(
                                "Unable to execute HTTP request: Connection refused",
                                new ConnectException("Connection refused")))
                        .kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(classify(ApiCallAttemptTimeoutException.create(20_000)).kind())
                .isEqualTo(Kind.TRANSIENT);
        assertThat(classify(ApiCallTimeoutException.create(60_000)).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(classify(SdkClientException.create(
                                "Unable to load region from any of the providers in the " + "chain ..."))
                        .kind())
                .isEqualTo(Kind.NO_REGION);
        assertThat(classify(SdkClientException.create(
                                "Unable to load credentials from any of the providers in the " + "chain ..."))
                        .kind())
                .isEqualTo(Kind.NO_CREDENTIALS);
        assertThat(classify(SdkClientException.create(
                                "Profile file contained no credentials for profile " + "'oncall': ProfileFile(...)"))
                        .kind())
                .isEqualTo(Kind.NO_CREDENTIALS);
        AwsFailure marshalling = classify(SdkClientException.create("Unable to marshall request to JSON"));
        assertThat(marshalling.kind()).isEqualTo(Kind.CLIENT_ERROR);
        assertThat(marshalling.describe()).isEqualTo("SdkClientException: Unable to marshall request to JSON");
    }

    @Test
    void theSdkFailureIsFoundBehindTheProjectsOwnExceptions() {
        ArchiveException wrapped = new ArchiveException("PutObject failed", s3(503, "SlowDown", "slow down"));

        assertThat(AwsFailure.isTransient(wrapped)).isTrue();
        assertThat(AwsFailure.describe(wrapped)).isEqualTo("503 SlowDown: slow down");
        assertThat(AwsFailure.of(new IllegalStateException("a bug"))).isEmpty();
        assertThat(AwsFailure.describe(new IllegalStateException("a bug"))).isEqualTo("IllegalStateException: a bug");
    }

    @Test
    void aServiceErrorWithoutDetailsIsNamedByItsStatus() {
        AwsFailure failure = classify(AwsServiceException.builder()
                .statusCode(502)
                .message("Bad Gateway")
                .build());

        assertThat(failure.code()).isEqualTo("HTTP 502");
        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.describe()).isEqualTo("HTTP 502: Bad Gateway");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "InternalFailure",
                "ThrottlingException",
                "ProvisionedThroughputExceededException",
                "KMSThrottlingException"
            })
    void batchEntriesWorthSendingAgain(String code) {
        assertThat(AwsFailure.isTransientErrorCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AccessDeniedException",
                "MalformedDetail",
                "InvalidArgument",
                "KMSAccessDeniedException",
                "KMSNotFoundException",
                "ResourceNotFoundException"
            })
    void batchEntriesThatFailForGood(String code) {
        assertThat(AwsFailure.isTransientErrorCode(code)).isFalse();
    }
}
