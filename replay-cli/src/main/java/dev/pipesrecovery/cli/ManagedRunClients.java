package dev.pipesrecovery.cli;

import dev.pipesrecovery.replay.plan.s3.S3PlanUpload;
import dev.pipesrecovery.replay.plan.sfn.StepFunctionsStart;
import dev.pipesrecovery.replay.state.sfn.StepFunctionsRunStatus;

/**
 * What {@code replay --engine stepfunctions} needs besides the archive (the plan's upload and StartExecution), and
 * what {@code status} asks Step Functions about a managed run.
 */
record ManagedRunClients(S3PlanUpload plans, StepFunctionsStart executions, StepFunctionsRunStatus runs) {}
