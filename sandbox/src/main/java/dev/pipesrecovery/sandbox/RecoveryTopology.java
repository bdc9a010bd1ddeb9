package dev.pipesrecovery.sandbox;

import dev.pipesrecovery.dlq.sqs.SqsQueueTags;
import dev.pipesrecovery.testkit.KinesisLocal;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The resources one consumer's recovery needs, created on a {@link SandboxStack} as the CloudFormation stacks would:
 * the stream, the pipe's dead-letter queue (14 days, with a RedrivePolicy to the poison queue after
 * {@code maxReceiveCount} receives, aws-facts §8, registered to its consumer and stream with the tags pipe.yaml puts
 * on it), the poison queue and the archive bucket.
 */
public record RecoveryTopology(
        String streamName,
        String streamArn,
        String dlqUrl,
        String dlqArn,
        String poisonQueueUrl,
        String poisonQueueArn,
        String bucket,
        String archivePrefix) {

    /** 14 days, the SQS maximum: the DLQ must outlive any weekend (aws-facts §8). */
    public static final int DLQ_RETENTION_SECONDS = 1_209_600;

    public RecoveryTopology {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(dlqUrl, "dlqUrl");
        Objects.requireNonNull(dlqArn, "dlqArn");
        Objects.requireNonNull(poisonQueueUrl, "poisonQueueUrl");
        Objects.requireNonNull(poisonQueueArn, "poisonQueueArn");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(archivePrefix, "archivePrefix");
    }

    /**
     * @param name            a name unique on the stack (it prefixes every resource)
     * @param maxReceiveCount receives before a DLQ message moves to the poison queue
     */
    public static RecoveryTopology create(
            SandboxStack stack, String name, String streamName, int shards, int maxReceiveCount, String archivePrefix) {
        String streamArn = KinesisLocal.createStream(stack.kinesis(), streamName, shards);
        String poisonUrl = stack.sqs()
                .createQueue(r -> r.queueName(name + "-hydrate-poison")
                        .attributes(Map.of(
                                QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(DLQ_RETENTION_SECONDS))))
                .queueUrl();
        String poisonArn = arn(stack, poisonUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + poisonArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
        String dlqUrl = stack.sqs()
                .createQueue(r -> r.queueName(name + "-dlq")
                        .tags(Map.of(SqsQueueTags.CONSUMER_TAG, name, SqsQueueTags.STREAM_TAG, streamArn))
                        .attributes(Map.of(
                                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                                Integer.toString(DLQ_RETENTION_SECONDS),
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive)))
                .queueUrl();
        String bucket = (name + "-archive").toLowerCase(java.util.Locale.ROOT);
        stack.s3().createBucket(r -> r.bucket(bucket));
        return new RecoveryTopology(
                streamName, streamArn, dlqUrl, arn(stack, dlqUrl), poisonUrl, poisonArn, bucket, archivePrefix);
    }

    private static String arn(SandboxStack stack, String queueUrl) {
        return stack.sqs()
                .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }
}
