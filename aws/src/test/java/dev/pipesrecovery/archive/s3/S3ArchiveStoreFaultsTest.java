package dev.pipesrecovery.archive.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipesrecovery.archive.ArchiveException;
import dev.pipesrecovery.archive.ArchiveWrite;
import dev.pipesrecovery.archive.WriteOutcome;
import dev.pipesrecovery.archive.WriteResult;
import dev.pipesrecovery.aws.FakeTime;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 500/503/409 and dropped connections in S3's real XML wire shape, via the testkit proxy; no real sleeps. */
class S3ArchiveStoreFaultsTest {

    FaultInjectingProxy proxy;
    S3Client s3;
    FakeTime time = new FakeTime();
    String bucket;
    S3ArchiveStore store;
    RequestMatch puts;

    @BeforeEach
    void start() {
        proxy = FaultInjectingProxy.inFrontOf(Emulators.s3());
        s3 = LocalAws.s3(proxy.endpoint()); // SDK retries on (3 attempts): the store must switch them off for writes
        bucket = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        puts = RequestMatch.http("PUT", "/" + bucket + "/");
        store = new S3ArchiveStore(
                s3,
                bucket,
                S3ArchiveSettings.defaults()
                        .withParallelism(4)
                        .withWriteBackoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 4)),
                time,
                () -> 0.5);
    }

    @AfterEach
    void stop() {
        store.close();
        s3.close();
        proxy.close();
    }

    static ArchiveWrite write(String key) {
        return new ArchiveWrite(key, ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void slowDownAndInternalErrorsAreRetriedWithBackoffThenTheWriteSucceeds() {
        proxy.inject(puts, 1, Fault.s3SlowDown()).inject(puts, 1, Fault.s3InternalError());

        assertThat(store.putIfAbsent(write("a.json"))).isEqualTo(WriteOutcome.CREATED);
        assertThat(proxy.count(puts))
                .as("2 failures + 1 success, no SDK retries on top")
                .isEqualTo(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(store.get("a.json")).isPresent();
    }

    @Test
    void aDroppedConnectionIsRetried() {
        proxy.inject(puts, 2, Fault.dropConnection());

        assertThat(store.putIfAbsent(write("b.json"))).isEqualTo(WriteOutcome.CREATED);
        assertThat(store.get("b.json")).isPresent();
        assertThat(time.sleeps()).isNotEmpty();
    }

    @Test
    void aConditionalRequestConflictIsRetriedAndAWinningRaceReadsAsAlreadyArchived() {
        store.putIfAbsent(write("c.json"));
        proxy.inject(
                puts,
                1,
                Fault.s3Error(
                        409,
                        "ConditionalRequestConflict",
                        "A conflicting conditional operation is currently in progress against this resource."));

        assertThat(store.putIfAbsent(write("c.json"))).isEqualTo(WriteOutcome.ALREADY_EXISTS);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void aPersistentFailureIsAnArchiveExceptionAfterTheBudget() {
        proxy.injectAlways(puts, Fault.s3SlowDown());

        assertThatThrownBy(() -> store.putIfAbsent(write("d.json")))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("SlowDown");
        assertThat(proxy.count(puts)).isEqualTo(4);
    }

    @Test
    void aPersistentFailureInABatchIsAFailedResultNotAnException() {
        proxy.injectAlways(RequestMatch.http("PUT", "/" + bucket + "/bad/"), Fault.s3InternalError());
        List<ArchiveWrite> writes = List.of(write("ok/1.json"), write("bad/2.json"), write("ok/3.json"));

        List<WriteResult> results = store.putAllIfAbsent(writes);

        assertThat(results).extracting(WriteResult::write).containsExactlyElementsOf(writes);
        assertThat(results.get(0).outcome()).isEqualTo(WriteOutcome.CREATED);
        assertThat(results.get(2).outcome()).isEqualTo(WriteOutcome.CREATED);
        assertThat(results.get(1).succeeded()).isFalse();
        assertThat(results.get(1).failure())
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("bad/2.json");
    }

    @Test
    void accessDeniedIsNotRetried() {
        proxy.inject(puts, 1, Fault.s3Error(403, "AccessDenied", "Access Denied"));

        assertThatThrownBy(() -> store.putIfAbsent(write("e.json")))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("403 AccessDenied");
        assertThat(proxy.count(puts)).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }
}
