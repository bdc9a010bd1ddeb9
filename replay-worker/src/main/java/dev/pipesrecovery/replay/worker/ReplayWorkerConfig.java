package dev.pipesrecovery.replay.worker;

import dev.pipesrecovery.consumer.ConsumerName;
import dev.pipesrecovery.replay.target.aws.TargetSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The replay worker function's configuration, from the environment cloudformation/replay.yaml gives it. Read once, in
 * the init phase: a missing or invalid variable fails the init with one line naming it, so Lambda never hands an
 * item to a half-configured worker.
 *
 * @param archiveBucket the recovery stack's archive bucket
 * @param archivePrefix its key prefix ("" for none)
 * @param consumer      the one consumer whose records this worker replays
 * @param target        where it sends
 */
public record ReplayWorkerConfig(String archiveBucket, String archivePrefix, String consumer, TargetSpec target) {

    public static final String ARCHIVE_BUCKET = "ARCHIVE_BUCKET";
    public static final String ARCHIVE_PREFIX = "ARCHIVE_PREFIX";
    public static final String REPLAY_CONSUMER = "REPLAY_CONSUMER";
    public static final String REPLAY_TARGET_KIND = "REPLAY_TARGET_KIND";
    public static final String REPLAY_TARGET_ARN = "REPLAY_TARGET_ARN";
    public static final String REPLAY_CONNECTION = "REPLAY_CONNECTION";
    /** http only, optional: the pipe whose request (InputTemplate, HTTP parameters) the worker sends to the ARN. */
    public static final String REPLAY_PIPE = "REPLAY_PIPE";
    /** eventbridge only, optional: the events' {@code Source} and {@code DetailType} (EventSource, EventDetailType). */
    public static final String REPLAY_EVENT_SOURCE = "REPLAY_EVENT_SOURCE";

    public static final String REPLAY_DETAIL_TYPE = "REPLAY_DETAIL_TYPE";
    public static final String DEFAULT_EVENT_SOURCE = "pipes-recovery.replay";
    public static final String DEFAULT_DETAIL_TYPE = "Replayed record";

    private static final Pattern PIPE_NAME = Pattern.compile(ConsumerName.PIPE_NAME_PATTERN);
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern EVENT_BUS_ARN =
            Pattern.compile("^arn:aws[a-z-]*:events:[a-z0-9-]+:[0-9]{12}:event-bus/[^\\s]+$");
    private static final Pattern STREAM_ARN =
            Pattern.compile("^arn:aws[a-z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[a-zA-Z0-9_.-]{1,128}$");

    public ReplayWorkerConfig {
        Objects.requireNonNull(archiveBucket, ARCHIVE_BUCKET);
        Objects.requireNonNull(archivePrefix, ARCHIVE_PREFIX);
        Objects.requireNonNull(consumer, REPLAY_CONSUMER);
        Objects.requireNonNull(target, REPLAY_TARGET_ARN);
    }

    /** @throws IllegalArgumentException one line naming the variable that is missing or invalid */
    public static ReplayWorkerConfig fromEnvironment(Map<String, String> env) {
        String bucket = required(env, ARCHIVE_BUCKET, "the recovery stack's archive bucket");
        if (!BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException(ARCHIVE_BUCKET + " is not a valid S3 bucket name: '" + bucket + "'");
        }
        String consumer = required(env, REPLAY_CONSUMER, "the consumer (pipe name) whose records this worker replays");
        ConsumerName.problem(consumer).ifPresent(problem -> {
            throw new IllegalArgumentException(REPLAY_CONSUMER + ": " + problem);
        });
        String kind = required(env, REPLAY_TARGET_KIND, "http, eventbridge or kinesis")
                .toLowerCase(Locale.ROOT);
        String arn = required(env, REPLAY_TARGET_ARN, "the API destination, event bus or stream to send to");
        String connection = optional(env, REPLAY_CONNECTION);
        if (connection != null && !kind.equals("http")) {
            throw new IllegalArgumentException(REPLAY_CONNECTION + " is for " + REPLAY_TARGET_KIND
                    + " http only (an event bus or a stream takes the function's IAM role)");
        }
        String pipe = optional(env, REPLAY_PIPE);
        if (pipe != null && !kind.equals("http")) {
            throw new IllegalArgumentException(REPLAY_PIPE + " is for " + REPLAY_TARGET_KIND
                    + " http only (a pipe's InputTemplate shapes requests to its API destination), was '" + kind
                    + "'");
        }
        if (pipe != null && !PIPE_NAME.matcher(pipe).matches()) {
            throw new IllegalArgumentException(
                    REPLAY_PIPE + " must be a pipe name (" + ConsumerName.PIPE_NAME_PATTERN + "), was '" + pipe + "'");
        }
        TargetSpec target = switch (kind) {
            case "http" -> {
                if (!arn.contains(":api-destination/")) {
                    throw wrongArn(arn, "an API destination's ARN (with its id)");
                }
                yield pipe == null
                        ? TargetSpec.Http.apiDestination(arn, connection)
                        : TargetSpec.Http.pipeTo(pipe, arn, connection);
            }
            case "eventbridge" -> {
                if (!EVENT_BUS_ARN.matcher(arn).matches()) {
                    throw wrongArn(arn, "an event bus ARN");
                }
                String source = orDefault(env, REPLAY_EVENT_SOURCE, DEFAULT_EVENT_SOURCE);
                // PutEvents reserves the prefix for AWS services and would refuse every event
                // (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html)
                if (source.startsWith("aws.")) {
                    throw new IllegalArgumentException(REPLAY_EVENT_SOURCE
                            + " must not start with 'aws.' (reserved by PutEvents), was '" + source + "'");
                }
                yield new TargetSpec.EventBus(arn, source, orDefault(env, REPLAY_DETAIL_TYPE, DEFAULT_DETAIL_TYPE));
            }
            case "kinesis" -> {
                if (!STREAM_ARN.matcher(arn).matches()) {
                    throw wrongArn(arn, "a Kinesis stream ARN");
                }
                yield new TargetSpec.Stream(arn);
            }
            default ->
                throw new IllegalArgumentException(
                        REPLAY_TARGET_KIND + " must be http, eventbridge or kinesis, was '" + kind + "'");
        };
        String prefix = optional(env, ARCHIVE_PREFIX);
        return new ReplayWorkerConfig(bucket, prefix == null ? "" : prefix, consumer, target);
    }

    private static IllegalArgumentException wrongArn(String arn, String expected) {
        return new IllegalArgumentException(
                REPLAY_TARGET_ARN + " must be " + expected + " for " + REPLAY_TARGET_KIND + ", was '" + arn + "'");
    }

    private static String required(Map<String, String> env, String name, String what) {
        String value = optional(env, name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required: " + what);
        }
        return value;
    }

    private static String orDefault(Map<String, String> env, String name, String fallback) {
        String value = optional(env, name);
        return value == null ? fallback : value;
    }

    private static String optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
