package dev.pipesrecovery.cli;

import dev.pipesrecovery.triage.Assessment;
import dev.pipesrecovery.triage.Assessor;
import dev.pipesrecovery.triage.Runbook;
import dev.pipesrecovery.triage.Severity;
import dev.pipesrecovery.triage.aws.ConsumerInspection;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code triage}: what is wrong and how much time is left, on one screen, with the next command for each finding. */
@Command(
        name = "triage",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "What is wrong with a consumer and how much time is left, on one screen: the pipe's state, the "
                    + "DLQ and poison queue depths, the time left before the stream trims the oldest record not "
                    + "archived yet, the last hour of hydrate and pipe failures, archived and lost records, the replay "
                    + "runs of this machine, and for each finding the runbook's next command.",
            "",
            "The pipe (DescribePipe) names its stream and its DLQ; the DLQ's RedrivePolicy names the poison "
                    + "queue. Without --consumer: every pipe of the region that reads a Kinesis stream (ListPipes). A "
                    + "check that cannot be made (no permission, no endpoint) shows as 'unknown: <why>'. Nothing is "
                    + "received from a queue unless --peek asks for it."
        },
        footer = {
            "",
            "Needs (IAM): pipes:DescribePipe (and pipes:ListPipes without --consumer), sqs:GetQueueUrl and "
                    + "sqs:GetQueueAttributes on the DLQ and the poison queue (sqs:ReceiveMessage with --peek), "
                    + "kinesis:DescribeStreamSummary on the stream, cloudwatch:GetMetricData, and s3:ListBucket and "
                    + "s3:GetObject on the archive. What is not granted shows as unknown."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK + ":healthy: nothing found wrong",
            ExitCodes.UNEXPECTED + ":unexpected error",
            ExitCodes.USAGE + ":usage (bad option, duration, override without one --consumer)",
            ExitCodes.NOTHING_MATCHED + ":no consumer: no pipe of the region reads a Kinesis stream",
            ExitCodes.ATTENTION + ":needs attention: messages waiting, poison, failures, losses, replays; no record "
                    + "at risk",
            ExitCodes.RECORDS_AT_RISK + ":records at risk: less time left than --at-risk-below, or a pipe not "
                    + "running",
            ExitCodes.UNKNOWN + ":unknown: the pipe state, a queue depth or the time left could not be read "
                    + "(and nothing else is wrong)"
        })
final class TriageCommand extends BaseCommand {

    @Option(
            names = "--consumer",
            paramLabel = "C",
            description = "The consumer (= pipe name); repeatable. Default: every pipe reading a Kinesis stream.")
    List<String> consumers = List.of();

    @Option(
            names = "--dlq-url",
            paramLabel = "URL",
            description = "The consumer's DLQ, instead of the pipe's DeadLetterConfig (needs one --consumer).")
    String dlqUrl;

    @Option(
            names = "--poison-queue-url",
            paramLabel = "URL",
            description = "The poison queue, instead of the DLQ's RedrivePolicy (needs one --consumer).")
    String poisonQueueUrl;

    @Option(
            names = "--stream",
            paramLabel = "NAME|ARN",
            description = "The pipe's stream, instead of its source (needs one --consumer).")
    String stream;

    @Option(
            names = "--since",
            paramLabel = "DURATION|DATE|INSTANT",
            defaultValue = "24h",
            description = "Archived records that arrived since then: 24h, 7d, 2026-11-21 or an ISO instant "
                    + "(default: ${DEFAULT-VALUE}), and the loss markers written on those days.")
    String since;

    @Option(
            names = "--at-risk-below",
            paramLabel = "DURATION",
            description = "Records with less time left than this are at risk (default: half of retention minus "
                    + "MaximumRecordAgeInSeconds, where the dlq-oldest-message-near-retention alarm fires).")
    String atRiskBelow;

    @Option(
            names = "--peek",
            paramLabel = "N",
            defaultValue = "0",
            description = "Receive up to N (max 100) messages of each non-empty queue, visibility timeout 0, to read "
                    + "their records' arrival times: the exact time left. Each receive counts toward the DLQ's "
                    + "maxReceiveCount (a message received too often moves to the poison queue). Default: none.")
    int peek;

    @Option(
            names = "--max-listed",
            hidden = true,
            defaultValue = "" + TriageRun.MAX_LISTED,
            description = "Archive records counted per consumer at most (then 'at least').")
    long maxListed;

    @Mixin
    StateDirOption stateDir;

    @Override
    public Integer call() {
        List<String> names = consumers.stream()
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .distinct()
                .toList();
        if ((dlqUrl != null || poisonQueueUrl != null || stream != null) && names.size() != 1) {
            throw CliException.usage("--dlq-url, --poison-queue-url and --stream describe one consumer: give exactly "
                    + "one --consumer with them");
        }
        if (peek < 0 || peek > 100) {
            throw CliException.usage("--peek must be 0 to 100, was " + peek);
        }
        names.forEach(this::requireConsumer);
        Duration threshold = atRiskBelow == null ? null : DurationOption.parse("--at-risk-below", atRiskBelow);
        var request = new TriageRun.Request(
                names,
                new ConsumerInspection.Overrides(dlqUrl, poisonQueueUrl, stream, peek),
                DurationOption.since(since, wiring().clock().instant()),
                stateDir.resolve(wiring()).resolve("runs"),
                Math.max(1, maxListed));
        String bucket = aws().bucket() == null || aws().bucket().isBlank() ? null : aws().bucket();
        TriageRun run = new TriageRun(
                wiring().triage(aws()),
                new Assessor(Runbook.bundled(), threshold),
                bucket == null ? null : wiring().archive(aws()),
                layout(),
                bucket,
                wiring().clock());
        TriageRun.Result result = run.run(request);
        if (output().json()) {
            TriageJson.write(jsonOut(), result, exitCode(result));
            out().println();
        } else {
            TriageScreen.print(out(), result, aws().prefix(), exitCode(result));
        }
        out().flush();
        return exitCode(result);
    }

    static int exitCode(TriageRun.Result result) {
        if (result.assessments().isEmpty()) {
            return result.unlisted() == null ? ExitCodes.NOTHING_MATCHED : ExitCodes.UNKNOWN;
        }
        Severity worst = Assessment.worst(result.assessments());
        return switch (worst) {
            case AT_RISK -> ExitCodes.RECORDS_AT_RISK;
            case ATTENTION -> ExitCodes.ATTENTION;
            case UNKNOWN -> ExitCodes.UNKNOWN;
            case HEALTHY -> ExitCodes.OK;
        };
    }

    /** A consumer the archive layout cannot hold is a typo, not a pipe to look up (the layout's rule, not a copy). */
    private void requireConsumer(String name) {
        try {
            layout().consumerPrefix(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad --consumer: " + TerminalText.field(e.getMessage()));
        }
    }
}
