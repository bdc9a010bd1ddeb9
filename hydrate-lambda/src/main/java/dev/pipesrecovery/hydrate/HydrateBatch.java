package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.DlqMessageParser;
import dev.pipesrecovery.dlq.MalformedDlqMessageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Hydrates the messages of one invocation. Each is parsed and checked against its queue's consumer on its own (a
 * malformed or foreign body fails only itself); the rest are grouped into spans, one per stream and shard, each read in
 * one go by the {@link Hydrator}. Spans run concurrently on {@code spanExecutor}, the span with the oldest record
 * first (the least retention headroom); within a span every message keeps its own outcome. No read starts with less
 * than {@link Deadline#stopStarting} left, and the batch answers {@link Deadline#stopWaiting} before the function's
 * deadline, reporting what has not finished as batch item failures (conditional writes make the redelivery safe).
 * Ends with one EMF metrics line per consumer.
 */
public final class HydrateBatch {

    /** How close to the Lambda deadline the batch stops starting reads, and stops waiting for them. */
    public record Deadline(Duration stopStarting, Duration stopWaiting) {
        public Deadline {
            if (stopWaiting.isNegative() || stopStarting.compareTo(stopWaiting) < 0) {
                throw new IllegalArgumentException("need stopStarting >= stopWaiting >= 0");
            }
        }
    }

    private static final Comparator<ParsedDelivery> OLDEST_FIRST =
            Comparator.comparing(p -> p.message().batch().approximateArrivalOfFirstRecord());

    private final Hydrator hydrator;
    private final ConsumerResolver consumers;
    private final ExecutorService spanExecutor;
    private final Deadline deadline;
    private final HydrateLog log;
    private final InvocationMetrics metrics;

    public HydrateBatch(
            Hydrator hydrator,
            ConsumerResolver consumers,
            ExecutorService spanExecutor,
            Deadline deadline,
            HydrateLog log,
            InvocationMetrics metrics) {
        this.hydrator = Objects.requireNonNull(hydrator, "hydrator");
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.spanExecutor = Objects.requireNonNull(spanExecutor, "spanExecutor");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.log = Objects.requireNonNull(log, "log");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * One Lambda invocation: its log lines carry {@code invocation}'s fields, and a cold start is counted.
     *
     * @param remainingMillis time left before the function is stopped ({@code Context::getRemainingTimeInMillis})
     */
    public List<MessageOutcome> process(
            LambdaInvocation invocation, List<DlqDelivery> deliveries, LongSupplier remainingMillis) {
        log.begin(invocation);
        metrics.emitColdStart(invocation);
        return process(deliveries, remainingMillis);
    }

    /** @param remainingMillis time left before the function is stopped ({@code Context::getRemainingTimeInMillis}) */
    public List<MessageOutcome> process(List<DlqDelivery> deliveries, LongSupplier remainingMillis) {
        Map<String, CompletableFuture<MessageOutcome>> pending = new LinkedHashMap<>();
        Map<String, String> consumerOf = new LinkedHashMap<>();
        Map<String, List<ParsedDelivery>> spans = new LinkedHashMap<>();
        for (DlqDelivery delivery : deliveries) {
            CompletableFuture<MessageOutcome> outcome = new CompletableFuture<>();
            pending.put(delivery.messageId(), outcome);
            ParsedDelivery parsed = parse(delivery, outcome);
            consumerOf.put(
                    delivery.messageId(),
                    parsed != null ? parsed.consumer() : outcome.getNow(null).consumer());
            if (parsed != null) {
                spans.computeIfAbsent(
                                parsed.message().batch().streamArn() + "/"
                                        + parsed.message().batch().shardId(),
                                k -> new ArrayList<>())
                        .add(parsed);
            }
        }
        spans.values().forEach(span -> span.sort(OLDEST_FIRST));
        List<Future<?>> running = spans.values().stream()
                .sorted(Comparator.comparing(span -> span.get(0), OLDEST_FIRST))
                .<Future<?>>map(span -> submit(span, pending, remainingMillis))
                .toList();
        List<MessageOutcome> outcomes = new ArrayList<>(pending.size());
        pending.forEach((messageId, outcome) ->
                outcomes.add(await(messageId, consumerOf.get(messageId), outcome, remainingMillis)));
        running.forEach(span -> span.cancel(true)); // a span still reading at the deadline stops with the invocation
        metrics.emit(outcomes);
        return outcomes;
    }

    /** The parsed message of its queue's consumer, or null when {@code outcome} is already completed as failed. */
    private ParsedDelivery parse(DlqDelivery delivery, CompletableFuture<MessageOutcome> outcome) {
        DlqMessage message;
        try {
            message = DlqMessageParser.parse(delivery.body());
        } catch (MalformedDlqMessageException | RuntimeException e) {
            String field = e instanceof MalformedDlqMessageException m ? m.field() : "source ARN";
            // A body that is not JSON may be an event itself (an event-bus rule DLQ holds the original event) and the
            // parser's detail quotes its first token: keep it out of the log.
            String problem = field.equals("body")
                    ? "body: is not a JSON object (detail withheld: it may quote " + "event data)"
                    : e.getMessage();
            String consumer = consumers.resolveUnparsed(delivery.queueArn());
            log.error("malformed DLQ message: not a Kinesis failure record; it stays in the queue until SQS moves it "
                            + "to the poison queue")
                    .with("consumer", consumer)
                    .with("messageId", delivery.messageId())
                    .with("queueArn", delivery.queueArn())
                    .with("field", field)
                    .with("bodyLength", delivery.body().length())
                    .with("error", problem)
                    .write();
            outcome.complete(MessageOutcome.failedBeforeStart(delivery.messageId(), consumer, "malformed DLQ message"));
            return null;
        }
        ConsumerResolver.Resolution resolution = consumers.resolve(delivery.queueArn(), message);
        if (!resolution.accepted()) {
            log.error("DLQ message refused for its queue; it stays in the queue until SQS moves it to the poison queue")
                    .with("consumer", resolution.consumer())
                    .with("messageId", delivery.messageId())
                    .with("queueArn", delivery.queueArn())
                    .with("sourceArn", message.sourceArn())
                    .with("streamArn", message.batch().streamArn())
                    .with("error", resolution.refusal())
                    .write();
            outcome.complete(MessageOutcome.failedBeforeStart(
                    delivery.messageId(), resolution.consumer(), resolution.refusal()));
            return null;
        }
        return new ParsedDelivery(delivery, message, resolution.consumer());
    }

    private Future<?> submit(
            List<ParsedDelivery> span,
            Map<String, CompletableFuture<MessageOutcome>> pending,
            LongSupplier remainingMillis) {
        return spanExecutor.submit(() -> {
            try {
                hydrator.hydrate(span, () -> mayStart(remainingMillis), outcome -> complete(pending, outcome));
            } catch (RuntimeException e) {
                log.error("unexpected error while hydrating a span; its unfinished messages stay in the queue")
                        .with("shardId", span.get(0).message().batch().shardId())
                        .error(e)
                        .write();
                span.forEach(parsed -> complete(
                        pending,
                        MessageOutcome.failedBeforeStart(parsed.messageId(), parsed.consumer(), "unexpected: " + e)));
            }
        });
    }

    private boolean mayStart(LongSupplier remainingMillis) {
        return remainingMillis.getAsLong() >= deadline.stopStarting().toMillis();
    }

    /** First outcome wins: a message already reported keeps its outcome. */
    private static void complete(Map<String, CompletableFuture<MessageOutcome>> pending, MessageOutcome outcome) {
        pending.get(outcome.messageId()).complete(outcome);
    }

    private MessageOutcome await(
            String messageId, String consumer, Future<MessageOutcome> future, LongSupplier remainingMillis) {
        long waitMillis =
                Math.max(0, remainingMillis.getAsLong() - deadline.stopWaiting().toMillis());
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("still running at the invocation deadline; the message will be redelivered")
                    .with("consumer", consumer)
                    .with("messageId", messageId)
                    .write();
            return MessageOutcome.failedBeforeStart(messageId, consumer, "deadline: unfinished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MessageOutcome.failedBeforeStart(messageId, consumer, "interrupted");
        } catch (ExecutionException | CancellationException e) {
            return MessageOutcome.failedBeforeStart(messageId, consumer, "unexpected: " + e);
        }
    }
}
