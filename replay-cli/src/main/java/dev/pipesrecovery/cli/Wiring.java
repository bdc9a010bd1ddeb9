package dev.pipesrecovery.cli;

import dev.pipesrecovery.archive.ArchiveStore;
import dev.pipesrecovery.replay.target.ReplayTarget;
import dev.pipesrecovery.retry.Sleeper;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Everything the commands need from the outside world, built lazily so that {@code --help} and parsing never touch
 * AWS. {@link DefaultWiring} is the production one; tests use it too (pointed at emulators with
 * {@code --endpoint-url}) and only swap the terminal, the clock or the state directory. Closing it closes every
 * client it built.
 */
public interface Wiring extends AutoCloseable {

    /** The archive store of {@code --bucket}. */
    ArchiveStore archive(AwsOptions aws);

    /** Builds the replay target the options describe (may call AWS: {@code --pipe}, {@code --connection}). */
    ReplayTarget target(AwsOptions aws, TargetOptions target);

    /** What {@code triage} reads from AWS (Pipes, SQS, Kinesis, CloudWatch), each failure an "unknown: why". */
    dev.pipesrecovery.triage.aws.ConsumerInspection triage(AwsOptions aws);

    Clock clock();

    Sleeper sleeper();

    Terminal terminal();

    /** Where {@code show --raw} writes exact payload bytes (stdout). */
    java.io.OutputStream rawOut();

    /** Where journals and reports go unless {@code --state-dir} says otherwise. */
    Path defaultStateDir();

    @Override
    void close();
}
