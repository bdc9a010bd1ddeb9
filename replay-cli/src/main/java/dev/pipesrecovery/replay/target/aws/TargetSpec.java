package dev.pipesrecovery.replay.target.aws;

import dev.pipesrecovery.replay.target.http.HttpHeader;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where a replay sends, as the CLI's {@code --target} options or the replay worker's environment describe it;
 * {@link AwsTargets#open} turns it into a target. Values only: nothing here calls AWS.
 */
public sealed interface TargetSpec {

    /**
     * The partner API: {@code url} itself, or what {@code pipe} sends ({@code DescribePipe} then
     * {@code DescribeApiDestination}), or the endpoint of the API destination {@code apiDestinationArn}; {@code url}
     * wins over either's endpoint. With both a pipe and an API destination, the pipe must target that destination:
     * the replay worker's stack may describe that one destination only. {@code connection}: the EventBridge
     * connection whose credentials go along (null: none).
     */
    record Http(URI url, List<HttpHeader> headers, String pipe, String apiDestinationArn, String connection)
            implements TargetSpec {
        public Http {
            headers = List.copyOf(headers);
            if (url == null && pipe == null && apiDestinationArn == null) {
                throw new IllegalArgumentException("an http target needs a URL, a pipe or an API destination ARN");
            }
        }

        /** A partner API at {@code url}, the record's bytes as the body, no credentials. */
        public static Http url(URI url) {
            return new Http(Objects.requireNonNull(url, "url"), List.of(), null, null, null);
        }

        /** What the replay worker gets from its stack: the API destination and, maybe, its connection. */
        public static Http apiDestination(String apiDestinationArn, String connection) {
            return new Http(null, List.of(), null, Objects.requireNonNull(apiDestinationArn), connection);
        }

        /**
         * What the replay worker gets from a stack with a pipe: what {@code pipe} sends (its {@code InputTemplate} and
         * HTTP parameters), the pipe's target being the API destination {@code apiDestinationArn}.
         */
        public static Http pipeTo(String pipe, String apiDestinationArn, String connection) {
            return new Http(
                    null,
                    List.of(),
                    Objects.requireNonNull(pipe, "pipe"),
                    Objects.requireNonNull(apiDestinationArn, "apiDestinationArn"),
                    connection);
        }
    }

    /** {@code PutEvents} to {@code eventBus} (a name or an ARN) with this source and detail type. */
    record EventBus(String eventBus, String source, String detailType) implements TargetSpec {
        public EventBus {
            Objects.requireNonNull(eventBus, "eventBus");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(detailType, "detailType");
        }
    }

    /** {@code PutRecords} into {@code stream} (a name or an ARN). */
    record Stream(String stream) implements TargetSpec {
        public Stream {
            Objects.requireNonNull(stream, "stream");
        }
    }
}
