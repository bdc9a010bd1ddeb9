package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ConsumerStage;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.RequestMatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What triage costs, counted at the wire (every service behind a testkit proxy): a fixed number of calls per consumer
 * whatever the DLQ holds, no message received unless --peek asks, and the archive listed once.
 */
class TriageCallsTest {

    private static final int DLQ_MESSAGES = 25;

    @TempDir
    Path state;

    private ConsumerStage stage;
    private Archive archive;
    private FaultInjectingProxy sqs;
    private FaultInjectingProxy pipes;
    private FaultInjectingProxy cloudWatch;
    private FaultInjectingProxy kinesis;
    private FaultInjectingProxy s3;
    private ServiceEndpoints endpoints;

    @BeforeEach
    void deploy() {
        stage = new ConsumerStage(3600);
        archive = new Archive();
        for (int i = 0; i < DLQ_MESSAGES; i++) {
            stage.sendToDlq(stage.dlqBody(Instant.now().minus(Duration.ofHours(2)), "4965000000000000000000000" + i));
        }
        archive.put(stage.consumer(), "customer-1", Instant.now().minus(Duration.ofHours(1)), "{\"n\":1}");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        archive.putLossMarker(stage.consumer(), today, "trimmed before it was read");
        archive.putLossMarker(stage.consumer(), today.minusDays(30), "a loss of last month, not in the window");
        sqs = FaultInjectingProxy.inFrontOf(Emulators.sqs());
        pipes = FaultInjectingProxy.inFrontOf(Emulators.moto());
        cloudWatch = FaultInjectingProxy.inFrontOf(Emulators.moto());
        kinesis = FaultInjectingProxy.inFrontOf(Emulators.kinesis());
        s3 = FaultInjectingProxy.inFrontOf(Emulators.s3());
        endpoints = new ServiceEndpoints()
                .put("Sqs", sqs.endpoint())
                .put("Pipes", pipes.endpoint())
                .put("CloudWatch", cloudWatch.endpoint())
                .put("Kinesis", kinesis.endpoint())
                .put("S3", s3.endpoint());
    }

    @AfterEach
    void tearDown() {
        endpoints.close();
        for (FaultInjectingProxy proxy : new FaultInjectingProxy[] {sqs, pipes, cloudWatch, kinesis, s3}) {
            proxy.close();
        }
        archive.close();
        stage.close();
    }

    private Cli.Result triage(String... extra) {
        String[] args = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(
                                "triage", "--consumer", stage.consumer(), "--state-dir", state.toString()),
                        java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return new Cli(state, "--bucket", archive.bucket()).run(args);
    }

    private static long sqs(FaultInjectingProxy proxy, String operation) {
        return proxy.count(RequestMatch.target("AmazonSQS." + operation));
    }

    @Test
    void aFixedSetOfCallsAndNoReceiveWithoutPeek() {
        Cli.Result result = triage();

        assertThat(result.out()).as(result.toString()).contains(DLQ_MESSAGES + " message(s)", "1 loss marker(s)");
        assertThat(sqs(sqs, "ReceiveMessage")).isZero();
        assertThat(sqs(sqs, "GetQueueUrl")).isEqualTo(2); // the DLQ from the pipe, the poison queue from the DLQ
        assertThat(sqs(sqs, "GetQueueAttributes")).isEqualTo(2);
        assertThat(sqs.requests()).hasSize(4);
        assertThat(pipes.requests()).hasSize(1); // DescribePipe
        assertThat(kinesis.requests()).hasSize(1); // DescribeStreamSummary
        assertThat(cloudWatch.requests()).hasSize(1); // one GetMetricData for every metric
        // the window's two day prefixes, the markers' and the wide-range notices' prefixes, one page each; the
        // window's one marker read (GET)
        String bucket = "/" + archive.bucket();
        assertThat(s3.requests())
                .filteredOn(r -> r.path().equals(bucket) || r.path().equals(bucket + "/"))
                .hasSize(4);
        assertThat(s3.requests())
                .filteredOn(r -> r.path().startsWith(bucket + "/") && r.path().length() > bucket.length() + 1)
                .hasSize(1);
    }

    @Test
    void aCappedListingSaysAtLeastAndStillCountsTheWindowsLossMarkers() {
        archive.put(stage.consumer(), "customer-2", Instant.now().minus(Duration.ofMinutes(30)), "{\"n\":2}");

        Cli.Result result = triage("--max-listed", "1");

        assertThat(result.out())
                .as(result.toString())
                .contains("at least 1 record(s) arrived since", "1 loss marker(s), 3 record(s) lost");
    }

    @Test
    void peekReceivesOnlyFromTheNonEmptyQueueAndAtMostWhatItWasAskedFor() {
        Cli.Result result = triage("--peek", "10");

        assertThat(result.out()).as(result.toString()).contains("10 peeked DLQ message(s)");
        assertThat(sqs(sqs, "ReceiveMessage")).isEqualTo(1); // 10 per receive; the poison queue is empty
    }
}
