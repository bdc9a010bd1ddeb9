package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.plan.s3.S3PlanUpload;
import dev.pipesrecovery.replay.plan.sfn.StepFunctionsStart;

/** What {@code replay --engine stepfunctions} needs besides the archive: the plan's upload and StartExecution. */
record ManagedRunClients(S3PlanUpload plans, StepFunctionsStart executions) {}
