package dev.pipesrecovery.dlq;

import dev.pipesrecovery.consumer.ConsumerName;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARN shapes a DLQ message may carry, in any partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
final class SourceArns {

    /** Any pipe name AWS allows: a name the archive cannot hold is refused by the consumer check, not as malformed. */
    private static final Pattern PIPE =
            Pattern.compile("arn:aws[a-z-]*:pipes:[a-z0-9-]+:\\d{12}:pipe/(" + ConsumerName.PIPE_NAME_PATTERN + ")");
    /** https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html: qualifier is a version or alias. */
    private static final Pattern FUNCTION = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:([a-zA-Z0-9_-]{1,64})(?::(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?");
    /** https://docs.aws.amazon.com/kinesis/latest/APIReference/API_StreamDescription.html: names are [a-zA-Z0-9_.-]{1,128}. */
    private static final Pattern STREAM =
            Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/[a-zA-Z0-9_.-]{1,128}");

    static final String PIPE_SHAPE = "arn:<partition>:pipes:<region>:<account>:pipe/<name>";
    static final String FUNCTION_SHAPE = "arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]";
    static final String STREAM_SHAPE = "arn:<partition>:kinesis:<region>:<account>:stream/<name>";

    private SourceArns() {}

    /** The pipe name or the function name (without qualifier), or empty when the ARN is not of that kind. */
    static Optional<String> consumerName(DlqSourceKind kind, String arn) {
        Matcher matcher = (kind == DlqSourceKind.PIPE ? PIPE : FUNCTION).matcher(arn);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String shape(DlqSourceKind kind) {
        return kind == DlqSourceKind.PIPE ? PIPE_SHAPE : FUNCTION_SHAPE;
    }

    static boolean isStreamArn(String arn) {
        return STREAM.matcher(arn).matches();
    }
}
