package dev.pipesrecovery.sandbox.pipe;

import java.time.Instant;
import java.util.Map;

/** The names a pipe is known by, and its reserved template variables. */
record PipeIdentity(String pipeArn, String streamArn, String region, String roleArn, String targetArn) {

    Map<String, String> reserved() {
        return Map.of(
                "aws.pipes.pipe-arn",
                pipeArn,
                "aws.pipes.pipe-name",
                pipeArn.substring(pipeArn.lastIndexOf('/') + 1),
                "aws.pipes.source-arn",
                streamArn,
                "aws.pipes.target-arn",
                targetArn,
                "aws.pipes.event.ingestion-time",
                Instant.now().toString());
    }
}
