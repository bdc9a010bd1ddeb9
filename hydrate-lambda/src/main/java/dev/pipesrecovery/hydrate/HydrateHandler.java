package dev.pipesrecovery.hydrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.archive.KeyLayout;
import dev.pipesrecovery.dlq.QueueRegistry;
import dev.pipesrecovery.hydrate.aws.AwsCollaborators;
import dev.pipesrecovery.stream.StreamRangeReader;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda entry point ({@code dev.pipesrecovery.hydrate.HydrateHandler::handleRequest}), fed by the SQS event
 * source mapping of a pipe's dead-letter queue with {@code ReportBatchItemFailures}: the messages it returns in
 * {@code batchItemFailures} stay in the queue, every other message is deleted
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
 *
 * <p>The no-argument constructor runs once per execution environment (the init phase, captured by SnapStart): it
 * reads the configuration and builds the SDK clients there, never per invocation.
 */
public final class HydrateHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Spans (one shard's messages each) hydrated at the same time; one shard's reads are rate-limited by the reader. */
    public static final int SPAN_CONCURRENCY = 4;
    /**
     * No read starts with less than this left, so that what a read returns (up to 10,000 records) is written before
     * the deadline; the answer goes out 2 s before it. The stacks keep the function timeout well above (recovery.yaml).
     */
    public static final HydrateBatch.Deadline DEADLINE =
            new HydrateBatch.Deadline(Duration.ofSeconds(20), Duration.ofSeconds(2));

    private final HydrateBatch batch;
    /** False until this environment's first invocation: that one is the cold start (init ran, or a restore). */
    private final AtomicBoolean invokedBefore = new AtomicBoolean();

    /** Production: configuration from the environment, SDK clients built once. */
    public HydrateHandler() {
        this(AwsCollaborators.fromEnvironment(System.getenv()));
    }

    private HydrateHandler(AwsCollaborators aws) {
        this(aws.reader(), aws.store(), aws.registry(), aws.config(), Clock.systemUTC(), System.out, DEADLINE);
    }

    /** Wiring with given collaborators (tests, the sandbox): the same orchestration as in production. */
    public HydrateHandler(StreamRangeReader reader, ArchiveStore store, QueueRegistry registry, HydrateConfig config,
                          Clock clock, PrintStream out, HydrateBatch.Deadline deadline) {
        HydrateLog log = new HydrateLog(out, clock);
        Hydrator hydrator = new Hydrator(reader, store, new KeyLayout(config.archivePrefix()), clock, log);
        this.batch = new HydrateBatch(hydrator, new ConsumerResolver(config.consumerByQueueArn(), registry),
                spanExecutor(SPAN_CONCURRENCY), deadline, log, new InvocationMetrics(log, clock));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<DlqDelivery> deliveries = messages.stream()
                .map(m -> new DlqDelivery(m.getMessageId(), m.getEventSourceArn(), m.getBody()))
                .toList();
        LambdaInvocation invocation = LambdaInvocation.of(context, !invokedBefore.getAndSet(true));
        List<SQSBatchResponse.BatchItemFailure> failures = batch
                .process(invocation, deliveries, context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis())
                .stream()
                .filter(MessageOutcome::retry)
                .map(outcome -> new SQSBatchResponse.BatchItemFailure(outcome.messageId()))
                .toList();
        return new SQSBatchResponse(failures);
    }

    private static ExecutorService spanExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "hydrate-span-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
