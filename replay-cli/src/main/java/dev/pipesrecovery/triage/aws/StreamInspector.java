package dev.pipesrecovery.triage.aws;

import dev.pipesrecovery.triage.Reading;
import dev.pipesrecovery.triage.StreamDescription;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

/** A stream's retention and status from {@code DescribeStreamSummary}, by name or ARN. */
public final class StreamInspector {

    private final KinesisClient kinesis;
    private final FailureReason reason;

    public StreamInspector(KinesisClient kinesis, FailureReason reason) {
        this.kinesis = kinesis;
        this.reason = reason;
    }

    public Reading<StreamDescription> describe(String nameOrArn) {
        boolean arn = nameOrArn.startsWith("arn:");
        try {
            StreamDescriptionSummary summary = kinesis.describeStreamSummary(b -> {
                        if (arn) {
                            b.streamARN(nameOrArn);
                        } else {
                            b.streamName(nameOrArn);
                        }
                    })
                    .streamDescriptionSummary();
            return Reading.of(new StreamDescription(
                    summary.streamName(),
                    summary.streamARN(),
                    Duration.ofHours(summary.retentionPeriodHours()),
                    summary.streamStatusAsString()));
        } catch (SdkException e) {
            return Reading.unknown(reason.of("kinesis:DescribeStreamSummary", e));
        }
    }
}
