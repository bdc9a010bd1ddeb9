package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.DlqMessageParser;
import dev.pipesrecovery.dlq.MalformedDlqMessageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Hydrates the messages of one invocation, each on its own: a malformed body, a failed read or write, or an
 * unexpected exception fails only that message. Messages run concurrently on {@code messageExecutor}; none starts
 * when less than {@link Deadline#stopStarting} is left, and the batch answers {@link Deadline#stopWaiting} before the
 * function's deadline, reporting what has not finished as batch item failures (conditional writes make the redelivery
 * safe). Ends with one EMF metrics line per consumer.
 */
public final class HydrateBatch {

    /** How close to the Lambda deadline the batch stops starting messages, and stops waiting for them. */
    public record Deadline(Duration stopStarting, Duration stopWaiting) {
        public Deadline {
            if (stopWaiting.isNegative() || stopStarting.compareTo(stopWaiting) < 0) {
                throw new IllegalArgumentException("need stopStarting >= stopWaiting >= 0");
            }
        }
    }

    private final Hydrator hydrator;
    private final ConsumerResolver consumers;
    private final ExecutorService messageExecutor;
    private final Deadline deadline;
    private final HydrateLog log;
    private final InvocationMetrics metrics;

    public HydrateBatch(Hydrator hydrator, ConsumerResolver consumers, ExecutorService messageExecutor,
                        Deadline deadline, HydrateLog log, InvocationMetrics metrics) {
        this.hydrator = Objects.requireNonNull(hydrator, "hydrator");
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.messageExecutor = Objects.requireNonNull(messageExecutor, "messageExecutor");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.log = Objects.requireNonNull(log, "log");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** @param remainingMillis time left before the function is stopped ({@code Context::getRemainingTimeInMillis}) */
    public List<MessageOutcome> process(List<DlqDelivery> deliveries, LongSupplier remainingMillis) {
        List<String> consumerOfMessage = new ArrayList<>(deliveries.size());
        List<Future<MessageOutcome>> pending = new ArrayList<>(deliveries.size());
        for (DlqDelivery delivery : deliveries) {
            ParsedDelivery parsed = parse(delivery);
            if (parsed == null) {
                String consumer = consumers.resolveUnparsed(delivery.queueArn());
                consumerOfMessage.add(consumer);
                pending.add(CompletableFuture.completedFuture(
                        MessageOutcome.failedBeforeStart(delivery.messageId(), consumer, "malformed DLQ message")));
            } else {
                consumerOfMessage.add(parsed.consumer());
                pending.add(messageExecutor.submit(() -> hydrateBeforeDeadline(parsed, remainingMillis)));
            }
        }
        List<MessageOutcome> outcomes = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            outcomes.add(await(deliveries.get(i).messageId(), consumerOfMessage.get(i), pending.get(i), remainingMillis));
        }
        metrics.emit(outcomes);
        return outcomes;
    }

    private ParsedDelivery parse(DlqDelivery delivery) {
        try {
            DlqMessage message = DlqMessageParser.parse(delivery.body());
            return new ParsedDelivery(delivery, message, consumers.resolve(delivery.queueArn(), message));
        } catch (MalformedDlqMessageException | RuntimeException e) {
            String field = e instanceof MalformedDlqMessageException m ? m.field() : "source ARN";
            // A body that is not JSON may be an event itself (an event-bus rule DLQ holds the original event) and the
            // parser's detail quotes its first token: keep it out of the log.
            String problem = field.equals("body") ? "body: is not a JSON object (detail withheld: it may quote "
                    + "event data)" : e.getMessage();
            log.error("malformed DLQ message: not a Kinesis failure record; it stays in the queue until SQS moves it "
                            + "to the poison queue")
                    .with("consumer", consumers.resolveUnparsed(delivery.queueArn()))
                    .with("messageId", delivery.messageId()).with("queueArn", delivery.queueArn())
                    .with("field", field).with("bodyLength", delivery.body().length()).with("error", problem).write();
            return null;
        }
    }

    private MessageOutcome hydrateBeforeDeadline(ParsedDelivery parsed, LongSupplier remainingMillis) {
        if (remainingMillis.getAsLong() < deadline.stopStarting().toMillis()) {
            Hydrator.entry(log.warn("not started: the invocation is close to its deadline; the message will be "
                    + "redelivered"), parsed).write();
            return MessageOutcome.failedBeforeStart(parsed.messageId(), parsed.consumer(), "deadline: not started");
        }
        try {
            return hydrator.hydrate(parsed);
        } catch (RuntimeException e) {
            Hydrator.entry(log.error("unexpected error while hydrating; the message stays in the queue"), parsed)
                    .error(e).write();
            return MessageOutcome.failedBeforeStart(parsed.messageId(), parsed.consumer(), "unexpected: " + e);
        }
    }

    private MessageOutcome await(String messageId, String consumer, Future<MessageOutcome> future,
                                 LongSupplier remainingMillis) {
        long waitMillis = Math.max(0, remainingMillis.getAsLong() - deadline.stopWaiting().toMillis());
        try {
            return future.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("still running at the invocation deadline; the message will be redelivered")
                    .with("consumer", consumer).with("messageId", messageId).write();
            return MessageOutcome.failedBeforeStart(messageId, consumer, "deadline: unfinished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return MessageOutcome.failedBeforeStart(messageId, consumer, "interrupted");
        } catch (ExecutionException | CancellationException e) {
            return MessageOutcome.failedBeforeStart(messageId, consumer, "unexpected: " + e);
        }
    }
}
