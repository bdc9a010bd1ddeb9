package dev.pipesrecovery.triage.aws;

import dev.pipesrecovery.dlq.DlqMessage;
import dev.pipesrecovery.dlq.DlqMessageParser;
import dev.pipesrecovery.dlq.MalformedDlqMessageException;
import dev.pipesrecovery.triage.PeekedMessages;
import dev.pipesrecovery.triage.Reading;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * {@code --peek}: receives up to N messages with a visibility timeout of 0 (they stay visible to the hydrate
 * function) and reads the arrival time of each one's first record. Bodies are metadata (shard, sequence range, times),
 * never printed. SQS has no read-only peek: each receive raises the message's receive count, and a message received
 * more than the DLQ's {@code maxReceiveCount} times moves to the poison queue
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html) — which is
 * why triage peeks only when asked.
 */
public final class QueuePeek {

    /** SQS returns at most 10 messages per receive. */
    private static final int PER_RECEIVE = 10;

    private final SqsClient sqs;
    private final FailureReason reason;

    public QueuePeek(SqsClient sqs, FailureReason reason) {
        this.sqs = sqs;
        this.reason = reason;
    }

    /** Up to {@code max} distinct messages; stops early when a receive returns none. */
    public Reading<PeekedMessages> peek(String queueUrl, int max, String consumer) {
        Set<String> seen = new HashSet<>();
        int ofConsumer = 0;
        int unreadable = 0;
        int highestReceiveCount = 0;
        Instant oldest = null;
        try {
            for (int receives = 0; receives * PER_RECEIVE < max && seen.size() < max; receives++) {
                var messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                                .visibilityTimeout(0)
                                .waitTimeSeconds(0)
                                .maxNumberOfMessages(Math.min(PER_RECEIVE, max - seen.size()))
                                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages();
                if (messages.isEmpty()) {
                    break;
                }
                for (Message message : messages) {
                    if (!seen.add(message.messageId())) {
                        continue;
                    }
                    highestReceiveCount = Math.max(highestReceiveCount, receiveCount(message));
                    try {
                        DlqMessage parsed = DlqMessageParser.parse(message.body());
                        if (consumer.equals(parsed.defaultConsumer())) {
                            ofConsumer++;
                            Instant first = parsed.batch().approximateArrivalOfFirstRecord();
                            oldest = oldest == null || first.isBefore(oldest) ? first : oldest;
                        }
                    } catch (MalformedDlqMessageException e) {
                        unreadable++;
                    }
                }
            }
        } catch (SdkException e) {
            return Reading.unknown(reason.of("sqs:ReceiveMessage", e));
        }
        return Reading.of(new PeekedMessages(seen.size(), ofConsumer, unreadable, oldest, highestReceiveCount));
    }

    private static int receiveCount(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 0 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
