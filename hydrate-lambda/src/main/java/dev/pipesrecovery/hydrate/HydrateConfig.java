package dev.pipesrecovery.hydrate;

import dev.pipesrecovery.consumer.ConsumerName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The function's configuration, read once at init from the environment variables documented in the module README
 * (the CloudFormation stack sets exactly these). Invalid values fail the init phase with a message naming the
 * variable, so a misconfigured function never starts consuming (and deleting) DLQ messages.
 *
 * @param archivePrefix             "" when there is none
 * @param consumerByQueueArn        DLQs registered here to their consumer (wins over the queue's tags); a body must
 *                                  name that consumer's pipe or function
 * @param writeParallelism          concurrent S3 writes
 * @param kinesisMaxReadsPerSecond  GetRecords/GetShardIterator calls per second per shard
 */
public record HydrateConfig(
        String archiveBucket,
        String archivePrefix,
        Map<String, String> consumerByQueueArn,
        int writeParallelism,
        int kinesisMaxReadsPerSecond) {

    public static final String ARCHIVE_BUCKET = "ARCHIVE_BUCKET";
    public static final String ARCHIVE_PREFIX = "ARCHIVE_PREFIX";
    public static final String CONSUMER_BY_QUEUE_ARN = "CONSUMER_BY_QUEUE_ARN";
    public static final String WRITE_PARALLELISM = "WRITE_PARALLELISM";
    public static final String KINESIS_MAX_READS_PER_SECOND = "KINESIS_MAX_READS_PER_SECOND";

    public static final int DEFAULT_WRITE_PARALLELISM = 16;
    public static final int MAX_WRITE_PARALLELISM = 256;
    public static final int DEFAULT_KINESIS_MAX_READS_PER_SECOND = 2;
    /** Kinesis allows 5 GetRecords calls per second per shard, shared with the pipe reading the same shard. */
    public static final int MAX_KINESIS_READS_PER_SECOND = 5;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public HydrateConfig {
        Objects.requireNonNull(archiveBucket, ARCHIVE_BUCKET);
        if (!BUCKET.matcher(archiveBucket).matches()) {
            throw new IllegalArgumentException(
                    ARCHIVE_BUCKET + " is not a valid S3 bucket name: '" + archiveBucket + "'");
        }
        archivePrefix = archivePrefix == null ? "" : archivePrefix;
        consumerByQueueArn = Map.copyOf(consumerByQueueArn);
        requireRange(WRITE_PARALLELISM, writeParallelism, 1, MAX_WRITE_PARALLELISM);
        requireRange(KINESIS_MAX_READS_PER_SECOND, kinesisMaxReadsPerSecond, 1, MAX_KINESIS_READS_PER_SECOND);
    }

    /** @throws IllegalArgumentException naming the variable that is missing or invalid */
    public static HydrateConfig fromEnv(Map<String, String> env) {
        String bucket = trimmed(env.get(ARCHIVE_BUCKET));
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException(ARCHIVE_BUCKET + " is required: the S3 bucket of the archive");
        }
        return new HydrateConfig(
                bucket,
                trimmed(env.get(ARCHIVE_PREFIX)),
                parseConsumerMapping(trimmed(env.get(CONSUMER_BY_QUEUE_ARN))),
                intOrDefault(env, WRITE_PARALLELISM, DEFAULT_WRITE_PARALLELISM),
                intOrDefault(env, KINESIS_MAX_READS_PER_SECOND, DEFAULT_KINESIS_MAX_READS_PER_SECOND));
    }

    /** {@code arn:aws:sqs:...:dlq-a=orders-api,arn:aws:sqs:...:dlq-b=billing}; blank → no mapping. */
    static Map<String, String> parseConsumerMapping(String value) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return mapping;
        }
        for (String pair : value.split(",")) {
            int eq = pair.lastIndexOf('=');
            String queueArn = eq < 0 ? "" : pair.substring(0, eq).trim();
            String consumer = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (!queueArn.startsWith("arn:") || !queueArn.contains(":sqs:")) {
                throw new IllegalArgumentException(CONSUMER_BY_QUEUE_ARN + ": expected queueArn=consumer pairs "
                        + "separated by commas, got '" + pair.trim() + "'");
            }
            ConsumerName.problem(consumer).ifPresent(problem -> {
                throw new IllegalArgumentException(CONSUMER_BY_QUEUE_ARN + " (" + queueArn + "): " + problem);
            });
            if (mapping.put(queueArn, consumer) != null) {
                throw new IllegalArgumentException(CONSUMER_BY_QUEUE_ARN + ": " + queueArn + " is mapped twice");
            }
        }
        return mapping;
    }

    private static int intOrDefault(Map<String, String> env, String name, int defaultValue) {
        String value = trimmed(env.get(name));
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
