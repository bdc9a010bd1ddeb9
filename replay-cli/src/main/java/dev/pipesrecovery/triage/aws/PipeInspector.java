package dev.pipesrecovery.triage.aws;

import dev.pipesrecovery.triage.PipeDescription;
import dev.pipesrecovery.triage.Reading;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.pipes.PipesClient;
import software.amazon.awssdk.services.pipes.model.DescribePipeResponse;
import software.amazon.awssdk.services.pipes.model.NotFoundException;
import software.amazon.awssdk.services.pipes.model.Pipe;
import software.amazon.awssdk.services.pipes.model.PipeSourceKinesisStreamParameters;

/**
 * The pipe's state and wiring from {@code DescribePipe}, and the account's Kinesis pipes from {@code ListPipes}
 * (https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_DescribePipe.html).
 */
public final class PipeInspector {

    private final PipesClient pipes;
    private final FailureReason reason;

    public PipeInspector(PipesClient pipes, FailureReason reason) {
        this.pipes = pipes;
        this.reason = reason;
    }

    public Reading<PipeDescription> describe(String name) {
        try {
            DescribePipeResponse pipe = pipes.describePipe(b -> b.name(name));
            PipeSourceKinesisStreamParameters kinesis = pipe.sourceParameters() == null
                    ? null
                    : pipe.sourceParameters().kinesisStreamParameters();
            String deadLetter = kinesis == null || kinesis.deadLetterConfig() == null
                    ? null
                    : kinesis.deadLetterConfig().arn();
            return Reading.of(new PipeDescription(
                    name,
                    pipe.arn(),
                    pipe.desiredStateAsString(),
                    pipe.currentStateAsString(),
                    pipe.stateReason(),
                    pipe.lastModifiedTime(),
                    pipe.source(),
                    deadLetter == null || deadLetter.isBlank() ? null : deadLetter,
                    kinesis == null ? null : kinesis.maximumRecordAgeInSeconds()));
        } catch (NotFoundException e) {
            return Reading.unknown("no pipe named " + name + " (pipes:DescribePipe: NotFoundException): deleted, or "
                    + "in another region or account");
        } catch (SdkException e) {
            return Reading.unknown(reason.of("pipes:DescribePipe", e));
        }
    }

    /** The names of the pipes whose source is a Kinesis stream, in name order. */
    public Reading<List<String>> kinesisPipes() {
        try {
            List<String> names = pipes.listPipesPaginator(b -> b.limit(100)).pipes().stream()
                    .filter(p -> p.source() != null && p.source().contains(":kinesis:"))
                    .map(Pipe::name)
                    .sorted()
                    .toList();
            return Reading.of(names);
        } catch (SdkException e) {
            return Reading.unknown(reason.of("pipes:ListPipes", e));
        }
    }
}
