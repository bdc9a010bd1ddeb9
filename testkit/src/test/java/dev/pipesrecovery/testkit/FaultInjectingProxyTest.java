package dev.pipesrecovery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The SDK must see injected faults exactly as it would see AWS's: typed exceptions, status codes, I/O errors. */
class FaultInjectingProxyTest {

    private FaultInjectingProxy proxy;

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void s3FaultsArriveAsTheSdkExceptionsOfTheRealService() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.s3());
        try (S3Client s3 = LocalAws.configure(S3Client.builder(), proxy.endpoint())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            s3.createBucket(b -> b.bucket("proxy-faults"));
            s3.putObject(b -> b.bucket("proxy-faults").key("k"), RequestBody.fromString("body"));
            proxy.inject(RequestMatch.http("GET", "/proxy-faults/"), 1, Fault.s3SlowDown())
                    .inject(RequestMatch.http("GET", "/proxy-faults/"), 1, Fault.s3InternalError())
                    // 2: HttpURLConnection silently resends an idempotent request once when a kept-alive connection
                    // drops
                    .inject(RequestMatch.http("GET", "/proxy-faults/"), 2, Fault.dropConnection());

            assertThatThrownBy(() ->
                            s3.getObjectAsBytes(b -> b.bucket("proxy-faults").key("k")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                    });
            assertThatThrownBy(() ->
                            s3.getObjectAsBytes(b -> b.bucket("proxy-faults").key("k")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThatThrownBy(() ->
                            s3.getObjectAsBytes(b -> b.bucket("proxy-faults").key("k")))
                    .isInstanceOf(SdkClientException.class);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("proxy-faults").key("k"))
                            .asUtf8String())
                    .isEqualTo("body");
        }
        assertThat(proxy.count(RequestMatch.http("GET", "/proxy-faults/"))).isEqualTo(5);
        assertThat(proxy.injectedCount()).isEqualTo(4);
    }

    @Test
    void injectAfterLetsMatchesByBeforeFaulting() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.s3());
        try (S3Client s3 = LocalAws.configure(S3Client.builder(), proxy.endpoint())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            s3.createBucket(b -> b.bucket("proxy-skip"));
            s3.putObject(b -> b.bucket("proxy-skip").key("k"), RequestBody.fromString("body"));
            proxy.injectAfter(RequestMatch.http("GET", "/proxy-skip/"), 1, 1, Fault.s3InternalError());

            assertThat(s3.getObjectAsBytes(b -> b.bucket("proxy-skip").key("k")).asUtf8String())
                    .isEqualTo("body");
            assertThatThrownBy(() ->
                            s3.getObjectAsBytes(b -> b.bucket("proxy-skip").key("k")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("proxy-skip").key("k")).asUtf8String())
                    .isEqualTo("body");
        }
        assertThat(proxy.requests())
                .extracting(ProxiedRequest::injected)
                .containsExactly(false, false, false, true, false);
    }

    @Test
    void kinesisJsonErrorsArriveAsTypedExceptions() {
        assertThat(System.getProperty("aws.cborEnabled"))
                .as("the build runs tests with the JSON protocol")
                .isEqualTo("false");
        proxy = FaultInjectingProxy.inFrontOf(Emulators.kinesis());
        try (KinesisClient kinesis = LocalAws.configure(KinesisClient.builder(), proxy.endpoint())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            KinesisLocal.createStream(kinesis, "proxy-faults", 1);
            PutRecordResponse put = kinesis.putRecord(
                    b -> b.streamName("proxy-faults").partitionKey("k").data(SdkBytes.fromUtf8String("x")));
            String iterator = kinesis.getShardIterator(b -> b.streamName("proxy-faults")
                            .shardId(put.shardId())
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                            .startingSequenceNumber(put.sequenceNumber()))
                    .shardIterator();
            proxy.inject(RequestMatch.kinesis("GetRecords"), 2, Fault.kinesisThroughputExceeded())
                    .inject(RequestMatch.kinesis("GetRecords"), 1, Fault.kinesisExpiredIterator());

            assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator(iterator)))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
            assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator(iterator)))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
            assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator(iterator)))
                    .isInstanceOf(ExpiredIteratorException.class);
            assertThat(kinesis.getRecords(b -> b.shardIterator(iterator)).records())
                    .hasSize(1);
        }
        assertThat(proxy.count(RequestMatch.kinesis("GetRecords"))).isEqualTo(4);
        assertThat(proxy.requests())
                .filteredOn(ProxiedRequest::injected)
                .hasSize(3)
                .allMatch(r -> r.target().equals("Kinesis_20131202.GetRecords"));
    }
}
