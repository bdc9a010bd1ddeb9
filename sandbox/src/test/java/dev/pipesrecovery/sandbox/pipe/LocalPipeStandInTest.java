package dev.pipesrecovery.sandbox.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipesrecovery.retry.Sleeper;
import dev.pipesrecovery.sandbox.EventProducer;
import dev.pipesrecovery.sandbox.ProducedEvent;
import dev.pipesrecovery.sandbox.partner.Delivery;
import dev.pipesrecovery.sandbox.partner.PartnerBehaviour;
import dev.pipesrecovery.sandbox.partner.PartnerStandIn;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.Fault;
import dev.pipesrecovery.testkit.FaultInjectingProxy;
import dev.pipesrecovery.testkit.KinesisLocal;
import dev.pipesrecovery.testkit.LocalAws;
import dev.pipesrecovery.testkit.RequestMatch;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The pipe stand-in against kinesis-local, ElasticMQ and the partner API: the documented pipe semantics. */
class LocalPipeStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger RUN = new AtomicInteger();
    private static KinesisClient kinesis;
    private static SqsClient sqs;
    private static PartnerStandIn partner;

    private String name;
    private String dlqUrl;
    private long deliveriesBefore;

    @BeforeAll
    static void startEmulators() throws Exception {
        kinesis = LocalAws.kinesis(Emulators.kinesalite());
        sqs = LocalAws.sqs(Emulators.sqs());
        partner = PartnerStandIn.start(0);
    }

    @AfterAll
    static void stop() {
        partner.close();
        kinesis.close();
        sqs.close();
    }

    @BeforeEach
    void freshStreamAndQueue() {
        name = "pipe-test-" + RUN.incrementAndGet();
        KinesisLocal.createStream(kinesis, name, 2);
        dlqUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        partner.behave(PartnerBehaviour.healthy());
        deliveriesBefore = partner.deliveries().size();
    }

    @Test
    void aHealthyTargetGetsEveryRecordOnceInOrderPerKey() throws Exception {
        List<ProducedEvent> events = produce(20);
        try (LocalPipeStandIn pipe =
                pipe(settings(1, 2), StandInOptions.rehearsal(), partner.url(), Clock.systemUTC())) {
            assertThat(pipe.awaitDone(20, Duration.ofSeconds(30))).isTrue();
            assertThat(pipe.stats().recordsDeadLettered()).isZero();
        }
        List<Delivery> deliveries = partner.deliveries().since(deliveriesBefore);
        assertThat(deliveries)
                .extracting(Delivery::eventId)
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(ProducedEvent::eventId).toList());
        assertThat(deliveries).allMatch(d -> StandInApiDestination.USER_AGENT.equals(d.userAgent()));
        // IdempotencyKeyHeaderValue $.eventID: shard id and sequence number
        assertThat(deliveries).extracting(Delivery::idempotencyKey).allMatch(k -> k.matches("shardId-\\d+:\\d+"));
        for (String key : List.of("k0", "k1", "k2", "k3")) {
            assertThat(deliveries.stream()
                            .filter(d -> key.equals(d.partitionKey()))
                            .map(Delivery::keySequence))
                    .isSorted();
        }
        assertThat(dlq()).isEmpty();
    }

    @Test
    void aFailingTargetIsRetriedMaximumRetryAttemptsTimesThenEachRecordIsDeadLettered() throws Exception {
        partner.behave(PartnerBehaviour.down());
        List<ProducedEvent> events = produce(6);
        LocalPipeStandIn pipe = pipe(settings(1, 2), StandInOptions.rehearsal(), partner.url(), Clock.systemUTC());
        try (pipe) {
            assertThat(pipe.awaitDone(6, Duration.ofSeconds(30))).isTrue();
        }
        assertThat(partner.deliveries().since(deliveriesBefore)).hasSize(6 * 3).noneMatch(Delivery::accepted);
        List<JsonNode> bodies = dlq();
        assertThat(bodies).hasSize(6);
        String streamArn = kinesis.describeStreamSummary(r -> r.streamName(name))
                .streamDescriptionSummary()
                .streamARN();
        for (JsonNode body : bodies) {
            assertThat(body.path("context").path("partnerResourceArn").asText()).isEqualTo(pipe.pipeArn());
            assertThat(body.path("context").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(body.path("version").asText()).isEqualTo("1.0");
            JsonNode info = body.path("KinesisBatchInfo");
            assertThat(info.path("batchSize").asInt()).isEqualTo(1);
            assertThat(info.path("streamArn").asText()).isEqualTo(streamArn);
            assertThat(info.path("startSequenceNumber").asText())
                    .isEqualTo(info.path("endSequenceNumber").asText());
            assertThat(body.has("payload") || body.has("data")).isFalse();
        }
        assertThat(bodies)
                .extracting(b ->
                        b.path("KinesisBatchInfo").path("startSequenceNumber").asText())
                .containsExactlyInAnyOrderElementsOf(
                        events.stream().map(ProducedEvent::sequenceNumber).toList());
    }

    @Test
    void a400IsDeadLetteredAtOnceWhenConfiguredSo() throws Exception {
        partner.behave(PartnerBehaviour.rejecting());
        produce(3);
        StandInOptions options =
                StandInOptions.rehearsal().withClientErrors(StandInOptions.ClientErrorHandling.DEAD_LETTER_AT_ONCE);
        try (LocalPipeStandIn pipe = pipe(settings(1, 5), options, partner.url(), Clock.systemUTC())) {
            assertThat(pipe.awaitDone(3, Duration.ofSeconds(30))).isTrue();
        }
        assertThat(partner.deliveries().since(deliveriesBefore)).hasSize(3);
        assertThat(dlq()).hasSize(3);
    }

    @Test
    void rateLimitingCountsAsACustomerError() throws Exception {
        partner.behave(PartnerBehaviour.rateLimiting(Duration.ZERO));
        produce(2);
        try (LocalPipeStandIn pipe =
                pipe(settings(1, 1), StandInOptions.rehearsal(), partner.url(), Clock.systemUTC())) {
            assertThat(pipe.awaitDone(2, Duration.ofSeconds(30))).isTrue();
            assertThat(pipe.stats().customerErrors()).isEqualTo(4);
        }
        assertThat(dlq()).hasSize(2);
    }

    @Test
    void droppedConnectionsAreInternalErrorsThatDoNotUseUpRetries() throws Exception {
        produce(1);
        try (FaultInjectingProxy proxy =
                FaultInjectingProxy.inFrontOf(URI.create("http://127.0.0.1:" + partner.port()))) {
            proxy.inject(RequestMatch.any(), 5, Fault.dropConnection());
            try (LocalPipeStandIn pipe = pipe(
                    settings(1, 0),
                    StandInOptions.rehearsal(),
                    URI.create(proxy.endpoint() + "/events"),
                    Clock.systemUTC())) {
                assertThat(pipe.awaitDone(1, Duration.ofSeconds(30))).isTrue();
                assertThat(pipe.stats().internalErrors()).isEqualTo(5);
                assertThat(pipe.stats().recordsDelivered()).isEqualTo(1);
            }
        }
        assertThat(dlq()).isEmpty();
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsWaitedOut() throws Exception {
        partner.behave(PartnerBehaviour.rateLimiting(Duration.ofSeconds(30)));
        produce(1);
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        Sleeper recording = delay -> { // records the delay, waits a few ms of it: the test does not take 30 s
            sleeps.add(delay);
            Thread.sleep(Math.min(delay.toMillis(), 5));
        };
        try (LocalPipeStandIn pipe = pipe(
                settings(1, 1),
                StandInOptions.rehearsal(),
                partner.url(),
                Clock.systemUTC(),
                kinesis,
                sqs,
                recording)) {
            assertThat(pipe.awaitDone(1, Duration.ofSeconds(30))).isTrue();
            assertThat(pipe.stats().customerErrors()).isEqualTo(2);
        }
        // the rehearsal's backoff is capped at 40 ms: the one retry waited the answer's Retry-After instead
        assertThat(sleeps).contains(Duration.ofSeconds(30));
        assertThat(dlq()).hasSize(1);
    }

    @Test
    void aDeadLetterThatSqsRefusesIsSentAgainUntilSqsTakesIt() throws Exception {
        partner.behave(PartnerBehaviour.down());
        produce(1);
        try (FaultInjectingProxy sqsProxy = FaultInjectingProxy.inFrontOf(Emulators.sqs());
                SqsClient failingSqs = LocalAws.sqs(sqsProxy.endpoint())) {
            // more failures than the SDK's own 3 attempts absorb: the stand-in's retries must send it
            sqsProxy.inject(
                    RequestMatch.target("AmazonSQS.SendMessage"),
                    4,
                    Fault.awsJsonError(500, "InternalFailure", "internal failure"));
            try (LocalPipeStandIn pipe = pipe(
                    settings(1, 0),
                    StandInOptions.rehearsal(),
                    partner.url(),
                    Clock.systemUTC(),
                    kinesis,
                    failingSqs,
                    Sleeper.SYSTEM)) {
                assertThat(pipe.awaitDone(1, Duration.ofSeconds(30))).isTrue();
                assertThat(pipe.stats().recordsDeadLettered()).isEqualTo(1);
            }
            assertThat(sqsProxy.injectedCount()).isEqualTo(4);
        }
        assertThat(dlq()).hasSize(1);
    }

    @Test
    void bisectionIsolatesTheOneRecordTheTargetCannotTake() throws Exception {
        List<ProducedEvent> events = new EventProducer(kinesis, name, name).produce(4, List.of("one-key"), 0);
        partner.rejectEvents(List.of(events.get(2).eventId()));
        try (LocalPipeStandIn pipe =
                pipe(settings(4, 1), StandInOptions.rehearsal(), partner.url(), Clock.systemUTC())) {
            assertThat(pipe.awaitDone(4, Duration.ofSeconds(30))).isTrue();
            assertThat(pipe.stats().recordsDeadLettered()).isEqualTo(1);
        }
        List<JsonNode> bodies = dlq();
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)
                        .path("KinesisBatchInfo")
                        .path("startSequenceNumber")
                        .asText())
                .isEqualTo(events.get(2).sequenceNumber());
        assertThat(partner.deliveries().since(deliveriesBefore))
                .filteredOn(Delivery::firstApplication)
                .extracting(Delivery::eventId)
                .containsExactlyInAnyOrder(
                        events.get(0).eventId(),
                        events.get(1).eventId(),
                        events.get(3).eventId());
    }

    @Test
    void recordsOlderThanTheMaximumAgeAreDeadLetteredWithoutCallingTheTarget() throws Exception {
        produce(2);
        Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        PipeSettings settings = new PipeSettings(name, name, 1, -1, 3600, false, 1, "TRIM_HORIZON", "", "");
        try (LocalPipeStandIn pipe = pipe(settings, StandInOptions.rehearsal(), partner.url(), twoHoursLater)) {
            assertThat(pipe.awaitDone(2, Duration.ofSeconds(30))).isTrue();
            assertThat(pipe.stats().targetCalls()).isZero();
        }
        assertThat(dlq())
                .extracting(b -> b.path("context").path("condition").asText())
                .containsOnly("RecordAgeExceeded")
                .hasSize(2);
    }

    private PipeSettings settings(int batchSize, int retries) {
        return new PipeSettings(
                name,
                name,
                batchSize,
                retries,
                -1,
                true,
                1,
                "TRIM_HORIZON",
                "{\"pipe\":\"<aws.pipes.pipe-name>\",\"event\":<$.data>}",
                "$.eventID");
    }

    private LocalPipeStandIn pipe(PipeSettings settings, StandInOptions options, URI target, Clock clock) {
        return pipe(settings, options, target, clock, kinesis, sqs, Sleeper.SYSTEM);
    }

    private LocalPipeStandIn pipe(
            PipeSettings settings,
            StandInOptions options,
            URI target,
            Clock clock,
            KinesisClient kinesisClient,
            SqsClient sqsClient,
            Sleeper sleeper) {
        return new LocalPipeStandIn(
                        settings,
                        options,
                        kinesisClient,
                        sqsClient,
                        dlqUrl,
                        target,
                        LocalAws.REGION.id(),
                        LocalAws.ACCOUNT_ID,
                        clock,
                        sleeper)
                .start();
    }

    private List<ProducedEvent> produce(int count) {
        return new EventProducer(kinesis, name, name).produce(count, List.of("k0", "k1", "k2", "k3"), 0);
    }

    private List<JsonNode> dlq() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10))
                    .messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(JSON.readTree(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }
}
