package dev.pipesrecovery.stream.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.aws.FakeTime;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.stream.RangeRead;
import dev.pipesrecovery.stream.RangeStatus;
import dev.pipesrecovery.stream.ShardRange;
import dev.pipesrecovery.stream.StreamReadException;
import dev.pipesrecovery.stream.StreamRecord;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;

/** Throttling, expired iterators and dropped connections in Kinesis's real JSON wire shape, via the testkit proxy. */
class KinesisRangeReaderFaultsTest {

    static final RequestMatch GET_RECORDS = RequestMatch.kinesis("GetRecords");
    static final RequestMatch GET_SHARD_ITERATOR = RequestMatch.kinesis("GetShardIterator");

    FaultInjectingProxy proxy;
    KinesisClient kinesis;
    FakeTime time = new FakeTime();

    @BeforeEach
    void startProxy() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.kinesalite());
        kinesis = LocalAws.kinesis(proxy.endpoint());
    }

    @AfterEach
    void stopProxy() {
        kinesis.close();
        proxy.close();
    }

    KinesisRangeReader reader(int maxAttempts) {
        return new KinesisRangeReader(
                kinesis,
                KinesisReaderSettings.defaults()
                        .withMaxRecordsPerCall(50)
                        .withBackoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), maxAttempts)),
                time::nanoTime,
                time,
                () -> 0.99);
    }

    @Test
    void throttlingAndAnExpiredIteratorMidRangeAreRecoveredWithoutDuplicateOrGap() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(300);
        proxy.inject(GET_RECORDS, 2, Fault.kinesisThroughputExceeded()) // the first two GetRecords
                .injectAfter(GET_RECORDS, 4, 1, Fault.kinesisExpiredIterator()) // the 5th, after 2 pages were read
                .injectAfter(GET_RECORDS, 6, 1, Fault.dropConnection()); // the 7th: an I/O error

        RangeRead read =
                reader(5).read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(0), stream.seq(299), 300));

        assertThat(read.status()).isEqualTo(RangeStatus.COMPLETE);
        assertThat(read.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactlyElementsOf(stream.sequenceNumbers);
        assertThat(proxy.count(GET_SHARD_ITERATOR))
                .as("the first iterator and one renewal")
                .isEqualTo(2);
        // 300 records in pages of 50 = 6 pages, plus 2 throttled, 1 expired and 1 dropped call
        assertThat(proxy.count(GET_RECORDS)).isEqualTo(10);
        // backoff with full jitter (random 0.99): ~99 ms then ~198 ms after the throttles, on top of the rate limit
        assertThat(time.sleeps()).contains(Duration.ofMillis(99), Duration.ofMillis(198));
    }

    @Test
    void throttlingBeyondTheRetryBudgetIsAReadFailureNotALoss() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(3);
        proxy.injectAlways(GET_RECORDS, Fault.kinesisThroughputExceeded());

        assertThatThrownBy(() -> reader(4)
                        .read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(0), stream.seq(2), 3)))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("GetRecords")
                .hasMessageContaining("after 4 attempts")
                .hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(proxy.count(GET_RECORDS))
                .as("SDK retries are off: exactly the domain attempts")
                .isEqualTo(4);
    }

    @Test
    void missingCredentialsAreAReadFailureAtOnceNotRetried() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(1);
        // the SDK's own profile provider, over a profile file that names no such profile: a client-side failure
        ProfileFile empty = ProfileFile.builder()
                .content(new ByteArrayInputStream(new byte[0]))
                .type(ProfileFile.Type.CREDENTIALS)
                .build();
        try (KinesisClient noCredentials = LocalAws.configure(KinesisClient.builder(), proxy.endpoint())
                .credentialsProvider(ProfileCredentialsProvider.builder()
                        .profileFile(empty)
                        .profileName("oncall")
                        .build())
                .build()) {
            KinesisRangeReader reader = new KinesisRangeReader(
                    noCredentials,
                    KinesisReaderSettings.defaults()
                            .withBackoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5)),
                    time::nanoTime,
                    time,
                    () -> 0.99);

            assertThatThrownBy(() -> reader.read(
                            new ShardRange(stream.streamArn, stream.shardId, stream.seq(0), stream.seq(0), 1)))
                    .isInstanceOf(StreamReadException.class)
                    .hasMessageContaining("GetShardIterator")
                    .hasMessageContaining("no credentials for profile")
                    .hasMessageNotContaining("attempts")
                    .hasCauseInstanceOf(SdkClientException.class);
            assertThat(reader.counts().total().getShardIterator())
                    .as("a person must fix it: one attempt")
                    .isEqualTo(1);
            assertThat(time.sleeps()).isEmpty();
        }
    }

    @Test
    void anIteratorThatExpiresBeforeAnyRecordIsRenewedAtTheStart() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(5);
        proxy.inject(GET_RECORDS, 1, Fault.kinesisExpiredIterator());

        RangeRead read =
                reader(3).read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(1), stream.seq(3), 3));

        assertThat(read.status()).isEqualTo(RangeStatus.COMPLETE);
        assertThat(read.records())
                .extracting(StreamRecord::sequenceNumber)
                .containsExactlyElementsOf(stream.sequenceNumbers.subList(1, 4));
        assertThat(proxy.count(GET_SHARD_ITERATOR)).isEqualTo(2);
    }

    @Test
    void iteratorsThatKeepExpiringEndInAReadFailure() throws Exception {
        KinesisFixture stream = new KinesisFixture(kinesis).put(2);
        proxy.injectAlways(GET_RECORDS, Fault.kinesisExpiredIterator());

        assertThatThrownBy(() -> reader(3)
                        .read(new ShardRange(stream.streamArn, stream.shardId, stream.seq(0), stream.seq(1), 2)))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("expired");
        assertThat(proxy.count(GET_SHARD_ITERATOR))
                .isEqualTo(1 + KinesisReaderSettings.defaults().maxIteratorRenewals());
    }
}
