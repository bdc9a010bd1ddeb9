package dev.pipesrecovery.dlq.sqs;

import dev.pipesrecovery.aws.AwsFailure;
import dev.pipesrecovery.consumer.ConsumerName;
import dev.pipesrecovery.dlq.QueueRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The registration a pipe stack puts on its dead-letter queue as tags: {@value #CONSUMER_TAG} (the consumer, i.e. the
 * pipe name) and {@value #STREAM_TAG} (the stream ARN the pipe reads). Only who may tag the queue can register it, so
 * a sender of messages cannot. Read with {@code GetQueueUrl} + {@code ListQueueTags} on first sight of a queue and kept
 * for the life of the execution environment (a registration changes only with its stack).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ListQueueTags.html
 */
public final class SqsQueueTags implements QueueRegistry {

    public static final String CONSUMER_TAG = "pipes-recovery:consumer";
    public static final String STREAM_TAG = "pipes-recovery:stream";

    private final SqsClient sqs;
    private final Map<String, Registration> registered = new ConcurrentHashMap<>();

    public SqsQueueTags(SqsClient sqs) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
    }

    @Override
    public Optional<Registration> lookup(String queueArn) throws QueueLookupException {
        Registration known = registered.get(queueArn);
        if (known != null) {
            return Optional.of(known);
        }
        String[] arn = queueArn.split(":", 6);
        if (arn.length != 6 || !arn[0].equals("arn") || !arn[2].equals("sqs")) {
            return Optional.empty();
        }
        Map<String, String> tags;
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(arn[5]).queueOwnerAWSAccountId(arn[4]))
                    .queueUrl();
            tags = sqs.listQueueTags(b -> b.queueUrl(url)).tags();
        } catch (QueueDoesNotExistException gone) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new QueueLookupException(
                    "cannot read the tags of " + queueArn + " (GetQueueUrl/ListQueueTags: " + AwsFailure.describe(e)
                            + ")",
                    e);
        }
        String consumer = tags.get(CONSUMER_TAG);
        if (consumer == null || consumer.isBlank()) {
            return Optional.empty();
        }
        Optional<String> invalid = ConsumerName.problem(consumer.trim());
        if (invalid.isPresent()) {
            // a stack tagged its queue with a name no archive key can hold: say so on every message, never guess
            throw new QueueLookupException("tag " + CONSUMER_TAG + " of " + queueArn + ": " + invalid.get(), null);
        }
        Registration registration = new Registration(consumer.trim(), blankToNull(tags.get(STREAM_TAG)));
        registered.put(queueArn, registration);
        return Optional.of(registration);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
