package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.plan.ManagedRunStart;
import dev.pipesrecovery.replay.plan.s3.S3PlanUpload;

/** What {@code replay --engine stepfunctions} needs besides the archive: the plan's upload and the execution's start. */
public record ManagedRunClients(S3PlanUpload plans, ManagedRunStart executions) {}
