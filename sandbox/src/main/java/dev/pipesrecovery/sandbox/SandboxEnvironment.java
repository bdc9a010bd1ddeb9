package dev.pipesrecovery.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment variables that point {@code pipes-replay} (or the AWS CLI) at a running sandbox, as a
 * shell-sourceable state file: {@code bin/sandbox up} prints it, {@code bin/sandbox down} reads the process ids
 * from it.
 */
public final class SandboxEnvironment {

    /** How the state file marks a command to try (a comment: sourcing the file ignores it). */
    public static final String TRY = "# try: ";

    private SandboxEnvironment() {}

    /** {@code export NAME=value} lines, then the commands to try. */
    public static List<String> exports(
            SandboxStack stack, RecoveryTopology topology, String consumer, String partnerUrl) {
        List<String> lines = new ArrayList<>();
        lines.add("export AWS_REGION=" + dev.pipesrecovery.testkit.LocalAws.REGION.id());
        lines.add("export AWS_ACCESS_KEY_ID=" + LocalCredentials.ACCESS_KEY_ID);
        lines.add("export AWS_SECRET_ACCESS_KEY=" + LocalCredentials.SECRET_ACCESS_KEY);
        lines.add("export AWS_ENDPOINT_URL_S3=" + stack.s3Endpoint());
        lines.add("export AWS_ENDPOINT_URL_KINESIS=" + stack.kinesisEndpoint());
        lines.add("export AWS_ENDPOINT_URL_SQS=" + stack.sqsEndpoint());
        stack.eventBridgeEndpoint().ifPresent(uri -> lines.add("export AWS_ENDPOINT_URL_EVENTBRIDGE=" + uri));
        lines.add("export PIPES_REPLAY_BUCKET=" + topology.bucket());
        lines.add("export SANDBOX_CONSUMER=" + consumer);
        lines.add("export SANDBOX_ARCHIVE_PREFIX=" + topology.archivePrefix());
        lines.add("export PIPES_REPLAY_PREFIX=" + topology.archivePrefix()); // as the runbook sets it for the stacks
        lines.add("export SANDBOX_STREAM=" + topology.streamName());
        lines.add("export SANDBOX_PARTNER_API_URL=" + partnerUrl);
        lines.add("export SANDBOX_DLQ_URL=" + topology.dlqUrl());
        return lines;
    }

    /**
     * Commands to try against the sandbox, using the exported variables; triage first: what the incident left behind.
     * The pipe is a local stand-in that no Pipes API knows, and no CloudWatch runs here, so triage shows the pipe's
     * state and the last hour as unknown and finds the DLQ and the stream from the options instead.
     */
    public static List<String> tryCommands() {
        String prefix = "bin/pipes-replay --prefix \"$SANDBOX_ARCHIVE_PREFIX\"";
        return List.of(
                prefix + " triage --consumer \"$SANDBOX_CONSUMER\" --dlq-url \"$SANDBOX_DLQ_URL\" --stream "
                        + "\"$SANDBOX_STREAM\"   # what the incident left behind, and what to run next",
                prefix + " list --consumer \"$SANDBOX_CONSUMER\" --status all",
                prefix + " show --consumer \"$SANDBOX_CONSUMER\" --limit 2",
                prefix
                        + " replay --target http --url \"$SANDBOX_PARTNER_API_URL\" --consumer \"$SANDBOX_CONSUMER\" --yes",
                prefix + " report --consumer \"$SANDBOX_CONSUMER\" --output sandbox-state/incident.html"
                        + "   # then open it in a browser",
                "aws --endpoint-url \"$AWS_ENDPOINT_URL_S3\" s3 ls --recursive \"s3://$PIPES_REPLAY_BUCKET/\" | head");
    }

    /** Writes the state file {@code bin/sandbox down} reads: the JVM's and the emulators' pids, then the exports. */
    public static void writeStateFile(Path file, List<String> exports) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# written by bin/sandbox up; source it to use the sandbox, bin/sandbox down stops it");
        lines.add("SANDBOX_PID=" + ProcessHandle.current().pid());
        lines.add("SANDBOX_CHILD_PIDS=\""
                + String.join(
                        " ",
                        ProcessHandle.current()
                                .descendants()
                                .map(p -> Long.toString(p.pid()))
                                .toList()) + "\"");
        lines.addAll(exports);
        tryCommands().forEach(command -> lines.add(TRY + command)); // bin/sandbox up prints these
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, lines);
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
