package dev.pipesrecovery.cli.support;

import dev.pipesrecovery.testkit.Emulators;
import dev.pipesrecovery.testkit.KinesisLocal;
import dev.pipesrecovery.testkit.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.pipes.PipesClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One consumer deployed on emulators as the stacks deploy it: a stream (kinesis-local, 24 h retention), a DLQ with a
 * RedrivePolicy to its own poison queue (ElasticMQ), and the pipe on moto_server naming both; CloudWatch (moto)
 * receives the datapoints a test puts. Names are unique per stage, so the JVM-wide emulators can be shared.
 */
public final class ConsumerStage implements AutoCloseable {

    private static final AtomicInteger STAGES = new AtomicInteger();

    private final KinesisClient kinesis = LocalAws.kinesis(Emulators.kinesis());
    private final SqsClient sqs = LocalAws.sqs(Emulators.sqs());
    private final PipesClient pipes = LocalAws.configure(
                    PipesClient.builder(), Emulators.moto().endpoint())
            .build();
    private final CloudWatchClient cloudWatch = LocalAws.configure(
                    CloudWatchClient.builder(), Emulators.moto().endpoint())
            .build();
    private final String consumer;
    private final String stream;
    private final String streamArn;
    private final String dlqUrl;
    private final String poisonUrl;

    /** @param maxRecordAgeSeconds the pipe's {@code MaximumRecordAgeInSeconds} */
    public ConsumerStage(int maxRecordAgeSeconds) {
        this(null, maxRecordAgeSeconds);
    }

    /** @param consumer the pipe's name, or null for a unique one */
    public ConsumerStage(String consumer, int maxRecordAgeSeconds) {
        int n = STAGES.incrementAndGet();
        String unique = ProcessHandle.current().pid() + "-" + n;
        this.consumer = consumer != null ? consumer : "orders-api-" + unique;
        stream = "orders-" + unique;
        streamArn = KinesisLocal.createStream(kinesis, stream, 1);
        poisonUrl = sqs.createQueue(b -> b.queueName("poison-" + unique)).queueUrl();
        String redrive = "{\"deadLetterTargetArn\":\"" + arn(poisonUrl) + "\",\"maxReceiveCount\":5}";
        dlqUrl = sqs.createQueue(b ->
                        b.queueName("dlq-" + unique).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)))
                .queueUrl();
        pipes.createPipe(b -> b.name(this.consumer)
                .roleArn("arn:aws:iam::123456789012:role/" + this.consumer)
                .source(streamArn)
                .target("arn:aws:events:us-east-1:123456789012:api-destination/x/1")
                .sourceParameters(p -> p.kinesisStreamParameters(k -> k.startingPosition("LATEST")
                        .batchSize(1)
                        .maximumRetryAttempts(3)
                        .maximumRecordAgeInSeconds(maxRecordAgeSeconds)
                        .deadLetterConfig(d -> d.arn(arn(dlqUrl))))));
    }

    public String consumer() {
        return consumer;
    }

    public String stream() {
        return stream;
    }

    public String dlqUrl() {
        return dlqUrl;
    }

    public String poisonUrl() {
        return poisonUrl;
    }

    public String dlqName() {
        return dlqUrl.substring(dlqUrl.lastIndexOf('/') + 1);
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** A Pipes DLQ message for one record of this consumer that arrived in the stream at {@code arrival}. */
    public String dlqBody(Instant arrival, String sequenceNumber) {
        return "{\"context\":{\"partnerResourceArn\":\"arn:aws:pipes:us-east-1:123456789012:pipe/" + consumer
                + "\",\"condition\":\"RetryAttemptsExhausted\"},\"version\":\"1.0\",\"timestamp\":\""
                + arrival.plus(Duration.ofMinutes(5)) + "\",\"KinesisBatchInfo\":{\"shardId\":\"shardId-000000000000\","
                + "\"startSequenceNumber\":\"" + sequenceNumber + "\",\"endSequenceNumber\":\"" + sequenceNumber
                + "\",\"approximateArrivalOfFirstRecord\":\"" + arrival + "\",\"approximateArrivalOfLastRecord\":\""
                + arrival + "\",\"batchSize\":1,\"streamArn\":\"" + streamArn + "\"}}";
    }

    public void sendToDlq(String body) {
        sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody(body));
    }

    public void sendToPoison(String body) {
        sqs.sendMessage(b -> b.queueUrl(poisonUrl).messageBody(body));
    }

    /** A datapoint of {@code AWS/SQS ApproximateAgeOfOldestMessage} for the DLQ, as SQS publishes it each minute. */
    public void publishDlqAge(Duration age, Instant at) {
        put(
                "AWS/SQS",
                "ApproximateAgeOfOldestMessage",
                "QueueName",
                dlqName(),
                age.toSeconds(),
                at,
                StandardUnit.SECONDS);
    }

    /** A datapoint of the hydrate function's metric catalog for this consumer. */
    public void publishHydrate(String metric, double value, Instant at) {
        put("PipesRecovery", metric, "Consumer", consumer, value, at, StandardUnit.COUNT);
    }

    private void put(
            String namespace,
            String metric,
            String dimension,
            String value,
            double number,
            Instant at,
            StandardUnit unit) {
        cloudWatch.putMetricData(b -> b.namespace(namespace)
                .metricData(d -> d.metricName(metric)
                        .value(number)
                        .unit(unit)
                        .timestamp(at)
                        .dimensions(x -> x.name(dimension).value(value))));
    }

    private String arn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    @Override
    public void close() {
        kinesis.close();
        sqs.close();
        pipes.close();
        cloudWatch.close();
    }
}
