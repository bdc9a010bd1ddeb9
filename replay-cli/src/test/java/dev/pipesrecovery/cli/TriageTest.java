package dev.pipesrecovery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.cli.support.Archive;
import dev.pipesrecovery.cli.support.Cli;
import dev.pipesrecovery.cli.support.ConsumerStage;
import dev.pipesrecovery.cli.support.ServiceEndpoints;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.PartnerApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * triage through the picocli wiring against emulators: the pipe on moto_server (Pipes), its DLQ and poison queue on
 * ElasticMQ (SQS), its stream on kinesis-local, CloudWatch on moto_server (datapoints put by the test, as SQS and the
 * hydrate function would publish them), the archive on S3Mock. Each service is found through its standard
 * per-service endpoint setting, as an SRE would point the CLI at emulators.
 */
class TriageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceEndpoints endpoints;

    @TempDir
    Path state;

    private ConsumerStage stage;
    private Archive archive;

    @BeforeAll
    static void emulators() {
        endpoints = new ServiceEndpoints()
                .put("S3", Emulators.s3().endpoint())
                .put("Sqs", Emulators.sqs().endpoint())
                .put("Kinesis", Emulators.kinesis().endpoint())
                .put("Pipes", Emulators.moto().endpoint())
                .put("CloudWatch", Emulators.moto().endpoint());
    }

    @AfterAll
    static void close() {
        endpoints.close();
    }

    @BeforeEach
    void deploy() {
        stage = new ConsumerStage(3600);
        archive = new Archive();
    }

    @AfterEach
    void tearDown() {
        stage.close();
        archive.close();
    }

    private Cli.Result triage(String... extra) {
        List<String> args =
                new ArrayList<>(List.of("triage", "--consumer", stage.consumer(), "--state-dir", state.toString()));
        args.addAll(List.of(extra));
        return new Cli(state, "--bucket", archive.bucket()).run(args.toArray(String[]::new));
    }

    private static JsonNode json(Cli.Result result) throws Exception {
        return JSON.readTree(result.out());
    }

    @Test
    void aHealthyConsumerExitsZeroAndSaysWhatItChecked() {
        Cli.Result result = triage();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        "healthy (exit 0)",
                        stage.consumer() + " · HEALTHY",
                        "pipe       RUNNING (desired RUNNING) · MaximumRecordAgeInSeconds 3600",
                        "stream     " + stage.stream() + " · retention 24 h",
                        "DLQ        " + stage.dlqName() + " · 0 message(s): 0 waiting, 0 in flight",
                        "time left  nothing waits",
                        "hydrate: no invocation for this consumer",
                        "0 record(s) arrived since",
                        "no replay run of this consumer on this machine",
                        "Nothing found wrong.");
    }

    @Test
    void recordsAtRiskFromTheDlqAgeInCloudWatchExitSevenWithTheRunbooksNextCommand() throws Exception {
        for (int i = 0; i < 3; i++) {
            stage.sendToDlq(
                    stage.dlqBody(Instant.now().minus(Duration.ofHours(21)), "4965000000000000000000000000" + i));
        }
        stage.publishDlqAge(Duration.ofHours(20), Instant.now().minus(Duration.ofMinutes(1)));

        Cli.Result text = triage();
        Cli.Result json = triage("--format", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.RECORDS_AT_RISK);
        assertThat(text.out())
                .contains(
                        "records at risk (exit 7)",
                        "time left  at least 2 h 5",
                        "retention 24 h - MaximumRecordAgeInSeconds 3600 - oldest DLQ message 20 h",
                        "AT RISK    3 unhydrated message(s): at least 2 h 5",
                        "(at risk below 11 h 30 min)",
                        "next: aws kinesis increase-stream-retention-period --stream-name \"" + stage.stream()
                                + "\" --retention-period-hours 168",
                        "runbook: docs/runbook.md#dlq-oldest-message-near-retention");
        JsonNode consumer = json(json).path("consumers").get(0);
        assertThat(json(json).path("status").asText()).isEqualTo("at-risk");
        long seconds = consumer.path("timeLeft").path("seconds").asLong();
        assertThat(seconds)
                .isBetween(
                        Duration.ofMinutes(170).toSeconds(),
                        Duration.ofMinutes(179).toSeconds());
        assertThat(consumer.path("timeLeft").path("lowerBound").asBoolean()).isTrue();
        assertThat(consumer.path("dlq").path("visible").asLong()).isEqualTo(3);
        assertThat(consumer.path("findings").get(0).path("id").asText()).isEqualTo("records-at-risk");
    }

    @Test
    void peekReadsTheRecordsArrivalTimesAndSaysWhatItCost() throws Exception {
        stage.sendToDlq(stage.dlqBody(Instant.now().minus(Duration.ofHours(23)), "49650000000000000000000000001"));
        stage.sendToDlq(stage.dlqBody(Instant.now().minus(Duration.ofHours(1)), "49650000000000000000000000002"));

        Cli.Result withoutPeek = triage();
        Cli.Result peeked = triage("--peek", "10", "--format", "json");

        assertThat(withoutPeek.exitCode()).as(withoutPeek.toString()).isEqualTo(ExitCodes.ATTENTION);
        assertThat(withoutPeek.out())
                .contains(
                        "time left  unknown: DLQ: its oldest message's age is unknown (CloudWatch "
                                + "has no ApproximateAgeOfOldestMessage datapoint",
                        "UNKNOWN    2 unhydrated message(s), time left unknown",
                        "next: pipes-replay triage --bucket \"" + archive.bucket() + "\" --consumer \""
                                + stage.consumer() + "\" --peek 10");
        assertThat(peeked.exitCode()).as(peeked.toString()).isEqualTo(ExitCodes.RECORDS_AT_RISK);
        JsonNode time = json(peeked).path("consumers").get(0).path("timeLeft");
        assertThat(time.path("lowerBound").asBoolean()).isFalse();
        assertThat(time.path("seconds").asLong())
                .isBetween(Duration.ofMinutes(55).toSeconds(), 3600L);
        assertThat(time.path("basis").asText()).contains("2 peeked DLQ message(s)");
        assertThat(peeked.out()).doesNotContain("49650000000000000000000000001"); // bodies are read, never printed
        // the peek was a receive: SQS counted it (the next receive is the second)
        var receiveCounts = stage
                .sqs()
                .receiveMessage(b -> b.queueUrl(stage.dlqUrl())
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages()
                .stream()
                .map(m -> m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .toList();
        assertThat(receiveCounts).containsOnly("2");
    }

    @Test
    void poisonFailuresLossesAndAFailedReplayNeedAttention() throws Exception {
        stage.sendToPoison(stage.dlqBody(Instant.now().minus(Duration.ofHours(2)), "49650000000000000000000000009"));
        stage.publishHydrate("HydrateFailures", 4, Instant.now().minus(Duration.ofMinutes(10)));
        stage.publishHydrate("DlqMessagesReceived", 9, Instant.now().minus(Duration.ofMinutes(10)));
        archive.put(stage.consumer(), "customer-1", Instant.now().minus(Duration.ofHours(3)), "{\"n\":1}");
        archive.putLossMarker(stage.consumer(), LocalDate.now(java.time.ZoneOffset.UTC), "trimmed before it was read");
        try (PartnerApi partner = new PartnerApi()) {
            partner.always(PartnerApi.Answer.of(422));
            Cli.Result replay = new Cli(state, "--bucket", archive.bucket())
                    .run(
                            "replay",
                            "--consumer",
                            stage.consumer(),
                            "--target",
                            "http",
                            "--url",
                            partner.url("/orders"),
                            "--yes",
                            "--state-dir",
                            state.toString());
            assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        }

        Cli.Result result = triage("--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ATTENTION);
        JsonNode consumer = json(result).path("consumers").get(0);
        List<String> ids = new ArrayList<>();
        consumer.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        // the poison message's age is not in CloudWatch: its time left is unknown, and said so
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        "poison-messages",
                        "time-left-unknown",
                        "hydrate-failures",
                        "records-lost",
                        "replay-incomplete");
        assertThat(consumer.path("archive").path("records").asLong()).isEqualTo(1);
        assertThat(consumer.path("archive").path("lostRecords").asLong()).isEqualTo(3);
        assertThat(consumer.path("lastHour").path("hydrateFailures").asLong()).isEqualTo(4);
        assertThat(consumer.path("replays").path("latest").path("failed").asLong())
                .isEqualTo(1);
        consumer.path("findings")
                .forEach(f ->
                        assertThat(f.path("next").asText()).as(f.toString()).isNotBlank());
    }
}
