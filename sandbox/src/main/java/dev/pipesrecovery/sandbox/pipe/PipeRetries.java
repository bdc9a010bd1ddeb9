package dev.pipesrecovery.sandbox.pipe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.pipes.HttpParameterValue;
import dev.pipesrecovery.pipes.InputTemplate;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.retry.Retrier;
import dev.pipesrecovery.retry.RetryListener;
import dev.pipesrecovery.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A pipe's retries of one batch of one shard (aws-facts §2.1–2.2), on the project's one retry loop ({@link Retrier}):
 * customer errors are retried with backoff up to {@code MaximumRetryAttempts} or until
 * {@code MaximumRecordAgeInSeconds}, whichever comes first; internal errors (no connection) are retried until the
 * record expires and are not counted; with {@code AUTOMATIC_BISECT} a failing batch is halved until one failing
 * record is left; what cannot be delivered is dead-lettered with one Pipes-format message per (sub-)batch, sent by
 * SQS SendMessage until SQS takes it.
 */
final class PipeRetries {

    /** Thrown when the stand-in stops mid-batch: the batch is neither delivered nor dead-lettered. */
    static final class Stopped extends Exception {
        Stopped() {
            super("pipe stopped", null, false, false);
        }
    }

    /** An attempt that did not deliver the batch: retried when {@code condition} is null, else dead-lettered. */
    private static final class Undelivered extends Exception {
        private final String condition;
        private final Duration retryAfter;

        Undelivered(String condition, Duration retryAfter) {
            super(condition == null ? "retry" : condition, null, false, false);
            this.condition = condition;
            this.retryAfter = retryAfter;
        }
    }

    private final PipeSettings settings;
    private final StandInOptions options;
    private final PipeIdentity identity;
    private final StandInApiDestination target;
    private final InputTemplate template;
    private final SqsClient sqs;
    private final String dlqUrl;
    private final PipeStats stats;
    private final Clock clock;
    private final BooleanSupplier running;
    /** No attempt limit of its own: the pipe settings and the records' age end the retries. */
    private final Retrier retrier;

    PipeRetries(
            PipeSettings settings,
            StandInOptions options,
            PipeIdentity identity,
            StandInApiDestination target,
            SqsClient sqs,
            String dlqUrl,
            PipeStats stats,
            Clock clock,
            Sleeper sleeper,
            BooleanSupplier running) {
        this.settings = settings;
        this.options = options;
        this.identity = identity;
        this.target = target;
        // pipes-replay's renderer: the stand-in and a replay with --pipe build the same body from the same record
        this.template = settings.inputTemplate().isBlank() ? null : new InputTemplate(settings.inputTemplate());
        this.sqs = sqs;
        this.dlqUrl = dlqUrl;
        this.stats = stats;
        this.clock = clock;
        this.running = running;
        this.retrier = new Retrier(
                new BackoffPolicy(options.retryBackoffBase(), options.retryBackoffCap(), Integer.MAX_VALUE),
                sleeper,
                () -> ThreadLocalRandom.current().nextDouble(),
                RetryListener.NONE);
    }

    void deliver(String shardId, List<Record> batch) throws Stopped, InterruptedException {
        int[] customerErrors = {0};
        try {
            retrier.call(
                    () -> attempt(shardId, batch, customerErrors),
                    failure -> failure instanceof Undelivered undelivered && undelivered.condition == null,
                    this::retryAfter);
            stats.delivered(batch.size());
        } catch (Undelivered undelivered) {
            stopIfInterrupted();
            if (undelivered.condition.equals(PipesDlqMessage.RETRY_ATTEMPTS_EXHAUSTED)) {
                failed(shardId, batch);
            } else {
                deadLetter(shardId, batch, undelivered.condition);
            }
        } catch (Stopped | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected); // attempt() throws nothing else
        }
    }

    private Void attempt(String shardId, List<Record> batch, int[] customerErrors)
            throws Stopped, InterruptedException, Undelivered {
        checkRunning();
        if (tooOld(batch)) {
            throw new Undelivered(PipesDlqMessage.RECORD_AGE_EXCEEDED, Duration.ZERO);
        }
        TargetResult result = invoke(shardId, batch);
        switch (result.kind()) {
            case SUCCESS -> {
                return null;
            }
            case INTERNAL_ERROR -> stats.internalError();
            case CUSTOMER_ERROR -> {
                stats.customerError();
                customerErrors[0]++;
                if (settings.maximumRetryAttempts() >= 0 && customerErrors[0] > settings.maximumRetryAttempts()) {
                    throw new Undelivered(PipesDlqMessage.RETRY_ATTEMPTS_EXHAUSTED, Duration.ZERO);
                }
            }
            case NOT_RETRYABLE -> {
                stats.customerError();
                throw new Undelivered(PipesDlqMessage.RETRY_ATTEMPTS_EXHAUSTED, Duration.ZERO);
            }
        }
        throw new Undelivered(null, result.retryAfter());
    }

    /** The answer's {@code Retry-After} is a floor of the next delay, when the stand-in honours it. */
    private Optional<Duration> retryAfter(Exception failure) {
        return options.honourRetryAfter() && failure instanceof Undelivered undelivered
                ? Optional.of(undelivered.retryAfter)
                : Optional.empty();
    }

    private void failed(String shardId, List<Record> batch) throws Stopped, InterruptedException {
        if (settings.bisectOnFailure() && batch.size() > 1) {
            int half = batch.size() / 2;
            deliver(shardId, batch.subList(0, half));
            deliver(shardId, batch.subList(half, batch.size()));
            return;
        }
        deadLetter(shardId, batch, PipesDlqMessage.RETRY_ATTEMPTS_EXHAUSTED);
    }

    /**
     * API destinations are not batchable targets (aws-facts §2.4): the stand-in calls the target once per record, in
     * order, and a batch fails at its first failing record (the records before it are sent again on retry:
     * at-least-once, as AWS documents for partial successes).
     */
    private TargetResult invoke(String shardId, List<Record> batch) throws InterruptedException {
        TargetResult last = null;
        for (Record record : batch) {
            ObjectNode event =
                    KinesisSourceEvent.of(record, shardId, identity.streamArn(), identity.region(), identity.roleArn());
            ObjectNode transformable = KinesisSourceEvent.forTransformation(event, record);
            // no template: the target gets the event itself, data in base64
            String body = template == null ? event.toString() : template.render(transformable, identity.reserved());
            stats.targetCall();
            last = target.invoke(
                    body,
                    HttpParameterValue.resolve(settings.idempotencyKeyHeaderValue(), transformable)
                            .orElse(null)); // a header whose JSON path leads nowhere is not sent
            if (last.kind() != TargetResult.Kind.SUCCESS) {
                return last;
            }
        }
        return last;
    }

    private boolean tooOld(List<Record> batch) {
        long maxAge = settings.maximumRecordAgeInSeconds();
        return maxAge >= 0
                && Duration.between(batch.get(0).approximateArrivalTimestamp(), clock.instant())
                                .compareTo(Duration.ofSeconds(maxAge))
                        > 0;
    }

    /** The DLQ is the last safety net: every SQS failure is retried (the checkpoint does not move meanwhile). */
    private void deadLetter(String shardId, List<Record> batch, String condition) throws Stopped, InterruptedException {
        String body = PipesDlqMessage.body(
                identity.pipeArn(), condition, clock.instant(), shardId, identity.streamArn(), batch);
        try {
            retrier.call(
                    () -> {
                        checkRunning();
                        return sqs.sendMessage(
                                request -> request.queueUrl(dlqUrl).messageBody(body));
                    },
                    failure -> failure instanceof SdkException);
        } catch (SdkException sendFailed) {
            stopIfInterrupted(); // the retrier gives up on an SDK failure only when its sleep is interrupted
            throw sendFailed;
        }
        stats.deadLettered(new PipeStats.DeadLetter(
                shardId,
                batch.get(0).sequenceNumber(),
                batch.get(batch.size() - 1).sequenceNumber(),
                batch.size(),
                condition));
    }

    private void checkRunning() throws Stopped {
        if (!running.getAsBoolean()) {
            throw new Stopped();
        }
    }

    /** The retrier hands back the last failure, with the thread's interrupt flag set, when its sleep is interrupted. */
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("pipe stopped while backing off");
        }
    }
}
