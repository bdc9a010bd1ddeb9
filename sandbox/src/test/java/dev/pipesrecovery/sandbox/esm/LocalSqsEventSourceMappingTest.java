package dev.pipesrecovery.sandbox.esm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.LocalAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local event source mapping against ElasticMQ: Lambda's SQS batch semantics. */
class LocalSqsEventSourceMappingTest {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final EsmSettings FAST =
            new EsmSettings(10, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO);
    private static SqsClient sqs;

    private final List<SQSEvent> invocations = new CopyOnWriteArrayList<>();
    private String queueUrl;
    private String queueArn;
    private String poisonUrl;

    @BeforeAll
    static void start() {
        sqs = LocalAws.sqs(Emulators.sqs());
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    @BeforeEach
    void queues() {
        String name = "esm-test-" + RUN.incrementAndGet();
        poisonUrl = sqs.createQueue(r -> r.queueName(name + "-poison")).queueUrl();
        String poisonArn = arn(poisonUrl);
        queueUrl = sqs.createQueue(r -> r.queueName(name)
                        .attributes(Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + poisonArn + "\",\"maxReceiveCount\":2}")))
                .queueUrl();
        queueArn = arn(queueUrl);
    }

    @Test
    void deletesWhatTheFunctionDidAndLeavesReportedFailuresForRedelivery() throws Exception {
        send("ok-1", "fail-2", "ok-3");
        LocalSqsEventSourceMapping esm = mapping(failing());
        BatchOutcome outcome = esm.pollOnce();
        assertThat(outcome.received()).isEqualTo(3);
        assertThat(outcome.deleted()).isEqualTo(2);
        assertThat(outcome.failedMessageIds()).hasSize(1);
        SQSEvent.SQSMessage first = invocations.get(0).getRecords().get(0);
        assertThat(first.getEventSourceArn()).isEqualTo(queueArn);
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getAttributes()).containsEntry("ApproximateReceiveCount", "1");

        Thread.sleep(1_200); // the visibility timeout
        BatchOutcome again = esm.pollOnce();
        assertThat(again.received()).isEqualTo(1);
        assertThat(invocations.get(1).getRecords().get(0).getBody()).isEqualTo("fail-2");
        assertThat(invocations.get(1).getRecords().get(0).getAttributes())
                .containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void batchesAboveTenAreGatheredUntilFullOrTheBatchingWindowEnds() throws Exception {
        send(java.util.stream.IntStream.range(0, 35).mapToObj(i -> "m-" + i).toArray(String[]::new));
        EsmSettings large =
                new EsmSettings(25, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2));
        LocalSqsEventSourceMapping esm = new LocalSqsEventSourceMapping(
                sqs, queueUrl, queueArn, LocalAws.REGION.id(), "hydrate", failing(), large);

        assertThat(esm.pollOnce().received())
                .as("full at 25, in three receives of 10")
                .isEqualTo(25);
        long start = System.nanoTime();
        assertThat(esm.pollOnce().received())
                .as("the rest, once the window has passed")
                .isEqualTo(10);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
        assertThat(invocations).extracting(e -> e.getRecords().size()).containsExactly(25, 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new EsmSettings(11, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("batching window");
    }

    @Test
    void aMessageThatKeepsFailingEndsInThePoisonQueueAfterMaxReceiveCount() throws Exception {
        send("fail-forever");
        LocalSqsEventSourceMapping esm = mapping(failing());
        assertThat(esm.pollOnce().received()).isEqualTo(1);
        Thread.sleep(1_200);
        assertThat(esm.pollOnce().received()).isEqualTo(1);
        Thread.sleep(1_200);
        assertThat(esm.pollOnce().received()).isZero();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(poisonUrl)).messages())
                .extracting(m -> m.body())
                .containsExactly("fail-forever");
    }

    @Test
    void aFunctionErrorFailsTheWholeBatch() {
        send("ok-1", "throw-2");
        BatchOutcome outcome = mapping(failing()).pollOnce();
        assertThat(outcome.deleted()).isZero();
        assertThat(outcome.failedMessageIds()).hasSize(2);
        assertThat(outcome.invocationError()).contains("boom");
    }

    @Test
    void anUnknownItemIdentifierFailsTheWholeBatch() {
        send("ok-1", "ok-2");
        BatchOutcome outcome = mapping((event, context) -> new SQSBatchResponse(
                        List.of(new SQSBatchResponse.BatchItemFailure("not-a-message-of-this-batch"))))
                .pollOnce();
        assertThat(outcome.deleted()).isZero();
        assertThat(outcome.invocationError()).contains("unknown itemIdentifier");
    }

    @Test
    void aFunctionThatRunsPastItsTimeoutFailsTheBatch() {
        send("ok-1");
        BatchOutcome outcome = mapping((event, context) -> {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new SQSBatchResponse(List.of());
                })
                .pollOnce();
        assertThat(outcome.deleted()).isZero();
        assertThat(outcome.invocationError()).contains("timed out");
    }

    private RequestHandler<SQSEvent, SQSBatchResponse> failing() {
        return (event, context) -> {
            invocations.add(event);
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                if (message.getBody().startsWith("throw")) {
                    throw new IllegalStateException("boom");
                }
                if (message.getBody().startsWith("fail")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            assertThat(context.getRemainingTimeInMillis()).isPositive();
            return new SQSBatchResponse(failures);
        };
    }

    private LocalSqsEventSourceMapping mapping(RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        return new LocalSqsEventSourceMapping(sqs, queueUrl, queueArn, LocalAws.REGION.id(), "hydrate", handler, FAST);
    }

    private void send(String... bodies) {
        for (String body : bodies) {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        }
    }

    private static String arn(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }
}
