package dev.pipesrecovery.hydrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Lambda entry point ({@code dev.pipesrecovery.hydrate.HydrateHandler::handleRequest}), fed by the SQS event
 * source mapping of a pipe's dead-letter queue with {@code ReportBatchItemFailures}: the messages it returns in
 * {@code batchItemFailures} stay in the queue, every other message is deleted
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
 *
 * <p>The no-argument constructor runs once per execution environment (the init phase, captured by SnapStart): it
 * reads the configuration and builds the SDK clients there ({@link HydrateWiring}), never per invocation.
 */
public final class HydrateHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final HydrateBatch batch;
    /** False until this environment's first invocation: that one is the cold start (init ran, or a restore). */
    private final AtomicBoolean invokedBefore = new AtomicBoolean();

    /** Production: configuration from the environment, SDK clients built once. */
    public HydrateHandler() {
        this(HydrateWiring.fromEnvironment(System.getenv()).batch());
    }

    /** The same entry point over a batch wired elsewhere (tests, the sandbox, the benchmark: {@link HydrateWiring}). */
    public HydrateHandler(HydrateBatch batch) {
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> messages =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<DlqDelivery> deliveries = messages.stream()
                .map(m -> new DlqDelivery(m.getMessageId(), m.getEventSourceArn(), m.getBody()))
                .toList();
        LambdaInvocation invocation = LambdaInvocation.of(context, !invokedBefore.getAndSet(true));
        List<SQSBatchResponse.BatchItemFailure> failures = batch
                .process(
                        invocation,
                        deliveries,
                        context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis())
                .stream()
                .filter(MessageOutcome::retry)
                .map(outcome -> new SQSBatchResponse.BatchItemFailure(outcome.messageId()))
                .toList();
        return new SQSBatchResponse(failures);
    }
}
