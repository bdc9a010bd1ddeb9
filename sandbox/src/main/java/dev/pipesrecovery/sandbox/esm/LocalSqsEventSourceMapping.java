package dev.pipesrecovery.sandbox.esm;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.pipesrecovery.testkit.LocalLambdaContext;
import dev.pipesrecovery.testkit.SqsEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A LOCAL STAND-IN for Lambda's SQS event source mapping (services-sqs-errorhandling), driving a handler in this
 * JVM: gathers up to {@code batchSize} messages (10 per ReceiveMessage) until the batch is full, the batching window
 * has passed or the event would exceed Lambda's 6 MB payload, with the mapping's visibility timeout, builds the
 * {@link SQSEvent}, invokes the handler, and with {@code ReportBatchItemFailures} deletes every message not listed
 * in {@code batchItemFailures}. Failed messages are simply not deleted: they come back after the visibility timeout,
 * and the queue's own RedrivePolicy moves them to the poison queue after {@code maxReceiveCount} receives. A handler
 * that throws or times out fails the whole batch, as does a response naming an unknown or empty item identifier.
 */
public final class LocalSqsEventSourceMapping implements AutoCloseable {

    /** Lambda's synchronous invocation payload limit, which also bounds a batch. */
    static final long PAYLOAD_LIMIT_BYTES = 6L * 1024 * 1024;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final String functionName;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final EsmSettings settings;
    private final EsmStats stats = new EsmStats();
    private final ExecutorService invoker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "esm-invoke");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running;

    public LocalSqsEventSourceMapping(
            SqsClient sqs,
            String queueUrl,
            String queueArn,
            String region,
            String functionName,
            RequestHandler<SQSEvent, SQSBatchResponse> handler,
            EsmSettings settings) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.functionName = functionName;
        this.handler = handler;
        this.settings = settings;
    }

    /** One gather → invoke → delete cycle. */
    public BatchOutcome pollOnce() {
        List<Message> messages = gather();
        if (messages.isEmpty()) {
            return BatchOutcome.empty();
        }
        stats.invoked(messages.size());
        SQSBatchResponse response;
        try {
            response = invoke(SqsEvents.event(messages.stream()
                    .map(m -> SqsEvents.Message.received(m, queueArn))
                    .toList()));
        } catch (InvocationFailed failed) {
            stats.failedInvocation();
            return new BatchOutcome(
                    messages.size(),
                    0,
                    messages.stream().map(Message::messageId).toList(),
                    failed.getMessage());
        }
        Set<String> failedIds = failedIds(response, messages);
        if (failedIds == null) {
            stats.failedInvocation();
            return new BatchOutcome(
                    messages.size(),
                    0,
                    messages.stream().map(Message::messageId).toList(),
                    "batchItemFailures named an empty or unknown itemIdentifier: the whole batch fails");
        }
        List<Message> done = messages.stream()
                .filter(m -> !failedIds.contains(m.messageId()))
                .toList();
        delete(done);
        stats.deleted(done.size());
        stats.reportedFailures(failedIds.size());
        return new BatchOutcome(messages.size(), done.size(), List.copyOf(failedIds), null);
    }

    /**
     * Receives until the batch is full, the payload would pass 6 MB, or the batching window (counted from the first
     * message) has passed; an empty queue is long-polled for the first message.
     */
    private List<Message> gather() {
        List<Message> messages = new ArrayList<>();
        long bytes = 0;
        long windowEnds = 0;
        while (messages.size() < settings.batchSize()) {
            boolean first = messages.isEmpty();
            long left = first ? 0 : windowEnds - System.nanoTime();
            if (!first && left <= 0) {
                break;
            }
            int wait = first ? (int) settings.waitTime().toSeconds() : (int) Math.min(1, left / 1_000_000_000L);
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(Math.min(10, settings.batchSize() - messages.size()))
                            .visibilityTimeout(
                                    (int) settings.visibilityTimeout().toSeconds())
                            .waitTimeSeconds(wait)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            if (first && received.isEmpty()) {
                return messages;
            }
            if (first) {
                windowEnds = System.nanoTime() + settings.batchingWindow().toNanos();
            }
            for (Message message : received) {
                // the event's JSON is about the body plus ~1 KB of attributes per message
                bytes += message.body().length() + 1024;
                messages.add(message);
            }
            if (bytes >= PAYLOAD_LIMIT_BYTES - 64 * 1024) {
                break;
            }
        }
        return messages;
    }

    /** Starts {@code concurrency} pollers (Lambda scales pollers with the queue; a few are plenty locally). */
    public synchronized LocalSqsEventSourceMapping start(int concurrency) {
        running = true;
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(this::pollWhileRunning, "esm-" + functionName + "-" + i);
            thread.setDaemon(true);
            pollers.add(thread);
            thread.start();
        }
        return this;
    }

    public EsmStats stats() {
        return stats;
    }

    private void pollWhileRunning() {
        while (running) {
            try {
                pollOnce();
            } catch (SdkException queueUnavailable) {
                sleepQuietly(200);
            } catch (RuntimeException unexpected) {
                if (running) {
                    System.err.println("esm: poll failed: " + unexpected);
                    sleepQuietly(200);
                }
            }
        }
    }

    private SQSBatchResponse invoke(SQSEvent event) throws InvocationFailed {
        LocalLambdaContext context = new LocalLambdaContext(
                functionName,
                "arn:aws:lambda:" + region + ":" + queueArn.split(":")[4] + ":function:" + functionName,
                settings.functionTimeout().toMillis());
        Future<SQSBatchResponse> call = invoker.submit(() -> handler.handleRequest(event, context));
        try {
            return call.get(settings.functionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new InvocationFailed(
                    "Task timed out after " + settings.functionTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new InvocationFailed("function error: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new InvocationFailed("interrupted");
        }
    }

    /** @return null when the response is invalid, which fails the whole batch */
    private static Set<String> failedIds(SQSBatchResponse response, List<Message> messages) {
        Set<String> ids = new HashSet<>();
        if (response == null || response.getBatchItemFailures() == null) {
            return ids;
        }
        Set<String> known =
                new HashSet<>(messages.stream().map(Message::messageId).toList());
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || id.isEmpty() || !known.contains(id)) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private void delete(List<Message> done) {
        for (int from = 0; from < done.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (Message message : done.subList(from, Math.min(done.size(), from + 10))) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(entries.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
            // a message whose delete fails simply comes back after the visibility timeout: processing is idempotent
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        for (Thread poller : pollers) {
            try {
                poller.join(settings.waitTime().toMillis()
                        + settings.functionTimeout().toMillis()
                        + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pollers.clear();
        invoker.shutdownNow();
    }

    private static final class InvocationFailed extends Exception {
        InvocationFailed(String message) {
            super(message, null, false, false);
        }
    }
}
