package dev.pipesrecovery.sandbox.pipe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipesrecovery.pipes.HttpParameterValue;
import dev.pipesrecovery.pipes.InputTemplate;
import dev.pipesrecovery.retry.BackoffPolicy;
import dev.pipesrecovery.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Delivers one batch of one shard the way a pipe does (aws-facts §2.1–2.2): customer errors are retried with
 * backoff up to {@code MaximumRetryAttempts} or until {@code MaximumRecordAgeInSeconds}, whichever comes first;
 * internal errors (no connection) are retried until the record expires and are not counted; with
 * {@code AUTOMATIC_BISECT} a failing batch is halved until one failing record is left; what cannot be delivered is
 * dead-lettered with one Pipes-format message per (sub-)batch, sent by SQS SendMessage.
 */
final class BatchDelivery {

    /** Thrown when the stand-in stops mid-batch: the batch is neither delivered nor dead-lettered. */
    static final class Stopped extends Exception {
        Stopped() {
            super("pipe stopped", null, false, false);
        }
    }

    private static final int MAX_BACKOFF_EXPONENT = 20;

    private final PipeSettings settings;
    private final StandInOptions options;
    private final PipeIdentity identity;
    private final HttpTarget target;
    private final InputTemplate template;
    private final SqsClient sqs;
    private final String dlqUrl;
    private final PipeStats stats;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BooleanSupplier running;
    private final BackoffPolicy backoff;

    BatchDelivery(PipeSettings settings, StandInOptions options, PipeIdentity identity, HttpTarget target,
                  SqsClient sqs, String dlqUrl, PipeStats stats, Clock clock, Sleeper sleeper, BooleanSupplier running) {
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
        this.sleeper = sleeper;
        this.running = running;
        this.backoff = new BackoffPolicy(options.retryBackoffBase(), options.retryBackoffCap(), Integer.MAX_VALUE);
    }

    void deliver(String shardId, List<Record> batch) throws Stopped, InterruptedException {
        int customerErrors = 0;
        int retries = 0;
        while (true) {
            checkRunning();
            if (tooOld(batch)) {
                deadLetter(shardId, batch, PipesDlqMessage.RECORD_AGE_EXCEEDED);
                return;
            }
            TargetResult result = invoke(shardId, batch);
            switch (result.kind()) {
                case SUCCESS -> {
                    stats.delivered(batch.size());
                    return;
                }
                case INTERNAL_ERROR -> stats.internalError();
                case CUSTOMER_ERROR -> {
                    stats.customerError();
                    customerErrors++;
                }
                case NOT_RETRYABLE -> stats.customerError();
            }
            boolean exhausted = result.kind() == TargetResult.Kind.NOT_RETRYABLE
                    || (settings.maximumRetryAttempts() >= 0 && customerErrors > settings.maximumRetryAttempts());
            if (exhausted) {
                failed(shardId, batch);
                return;
            }
            retries++;
            Duration delay = backoff.delayBeforeRetry(Math.min(retries, MAX_BACKOFF_EXPONENT),
                    () -> ThreadLocalRandom.current().nextDouble());
            if (options.honourRetryAfter() && result.retryAfter().compareTo(delay) > 0) {
                delay = result.retryAfter();
            }
            sleeper.sleep(delay);
        }
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
            ObjectNode event = KinesisSourceEvent.of(record, shardId, identity.streamArn(), identity.region(),
                    identity.roleArn());
            ObjectNode transformable = KinesisSourceEvent.forTransformation(event, record);
            // no template: the target gets the event itself, data in base64
            String body = template == null ? event.toString() : template.render(transformable, identity.reserved());
            stats.targetCall();
            last = target.invoke(body, headerValue(settings.idempotencyKeyHeaderValue(), transformable));
            if (last.kind() != TargetResult.Kind.SUCCESS) {
                return last;
            }
        }
        return last;
    }

    /** A header value of {@code HttpParameters}; none when its JSON path leads nowhere. */
    private static String headerValue(String value, ObjectNode event) {
        return HttpParameterValue.resolve(value, event).orElse(null);
    }

    private boolean tooOld(List<Record> batch) {
        long maxAge = settings.maximumRecordAgeInSeconds();
        return maxAge >= 0 && Duration.between(batch.get(0).approximateArrivalTimestamp(), clock.instant())
                .compareTo(Duration.ofSeconds(maxAge)) > 0;
    }

    private void deadLetter(String shardId, List<Record> batch, String condition)
            throws Stopped, InterruptedException {
        String body = PipesDlqMessage.body(identity.pipeArn(), condition, clock.instant(), shardId,
                identity.streamArn(), batch);
        for (int attempt = 1; ; attempt++) {
            checkRunning();
            try {
                sqs.sendMessage(request -> request.queueUrl(dlqUrl).messageBody(body));
                stats.deadLettered(new PipeStats.DeadLetter(shardId, batch.get(0).sequenceNumber(),
                        batch.get(batch.size() - 1).sequenceNumber(), batch.size(), condition));
                return;
            } catch (SdkException sendFailed) {
                // the DLQ is the last safety net: keep trying (the checkpoint does not move meanwhile)
                sleeper.sleep(backoff.delayBeforeRetry(Math.min(attempt, MAX_BACKOFF_EXPONENT),
                        () -> ThreadLocalRandom.current().nextDouble()));
            }
        }
    }

    private void checkRunning() throws Stopped {
        if (!running.getAsBoolean()) {
            throw new Stopped();
        }
    }

    /** The names the pipe is known by, and its reserved template variables. */
    record PipeIdentity(String pipeArn, String streamArn, String region, String roleArn, String targetArn) {
        Map<String, String> reserved() {
            return Map.of("aws.pipes.pipe-arn", pipeArn,
                    "aws.pipes.pipe-name", pipeArn.substring(pipeArn.lastIndexOf('/') + 1),
                    "aws.pipes.source-arn", streamArn,
                    "aws.pipes.target-arn", targetArn,
                    "aws.pipes.event.ingestion-time", java.time.Instant.now().toString());
        }
    }
}
