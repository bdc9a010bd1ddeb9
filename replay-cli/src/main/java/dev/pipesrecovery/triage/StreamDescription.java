package dev.pipesrecovery.triage;

import java.time.Duration;
import java.util.Objects;

/**
 * The stream a pipe reads ({@code DescribeStreamSummary}): its retention is the clock of every recovery, since a
 * record the stream trimmed cannot be hydrated (https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html).
 */
public record StreamDescription(String name, String arn, Duration retention, String status) {

    public StreamDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retention, "retention");
    }
}
