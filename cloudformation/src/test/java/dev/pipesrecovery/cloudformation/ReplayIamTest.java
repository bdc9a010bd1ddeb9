package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege of the replay stack: the state machine reads plans, writes reports, runs its own children and
 * invokes only the worker; the worker reads one consumer and the runs, writes only checkpoints and tags, and sends
 * to its one target.
 */
class ReplayIamTest {

    private final Map<String, Object> template = Templates.load(Templates.REPLAY);

    @Test
    void theStateMachineReadsPlansWritesReportsAndInvokesOnlyTheWorker() {
        List<Map<String, Object>> statements = statements("StateMachineRole");
        assertThat(new TreeSet<>(actions(statements)))
                .containsExactlyInAnyOrder(
                        "states:StartExecution",
                        "states:DescribeExecution",
                        "states:StopExecution",
                        "states:RedriveExecution",
                        "s3:GetObject",
                        "s3:PutObject",
                        "s3:ListMultipartUploadParts",
                        "s3:AbortMultipartUpload",
                        "lambda:InvokeFunction",
                        "kms:Decrypt",
                        "kms:GenerateDataKey");
        assertThat(resourceOf(statements, "lambda:InvokeFunction")).isEqualTo(Cfn.getAtt("WorkerFunction", "Arn"));
        assertThat(IamPolicyTest.subText(
                        Cfn.map(resourceOf(statements, "states:StartExecution")).get("Fn::Sub")))
                .endsWith(":stateMachine:${AWS::StackName}");
        assertThat(Cfn.properties(Cfn.resource(template, "ReplayStateMachine")))
                .containsEntry("StateMachineName", Map.of("Ref", "AWS::StackName"));
        List<String> s3 = s3Resources(statements);
        assertThat(s3)
                .containsExactlyInAnyOrder(
                        "${Bucket}/${ArchivePrefix}/_runs/*/plan.jsonl", "${Bucket}/${ArchivePrefix}/_runs/*/report/*");
    }

    @Test
    void theWorkerWritesOnlyCheckpointsAndTagsAndDeletesNothing() {
        List<Map<String, Object>> statements = statements("WorkerRole");
        assertThat(actions(statements))
                .doesNotContain("s3:DeleteObject", "s3:PutObjectAcl", "s3:*")
                .contains(
                        "s3:ListBucket", "s3:GetObject", "s3:GetObjectTagging", "s3:PutObjectTagging", "s3:PutObject");
        for (Map<String, Object> statement : statements) {
            List<Object> actions = Cfn.oneOrMany(statement.get("Action"));
            String resource =
                    IamPolicyTest.subText(Cfn.map(statement.get("Resource")).getOrDefault("Fn::Sub", ""));
            if (actions.contains("s3:PutObject")) {
                assertThat(actions).containsExactly("s3:PutObject");
                assertThat(resource).isEqualTo("${Bucket}/${ArchivePrefix}/_runs/*/keys/*");
            }
            if (actions.contains("s3:PutObjectTagging")) {
                assertThat(resource).isEqualTo("${Bucket}/${ArchivePrefix}/${Consumer}/*");
            }
            if (actions.contains("s3:ListBucket")) {
                assertThat(statement.get("Condition").toString())
                        .contains("${ArchivePrefix}/${Consumer}/*", "${ArchivePrefix}/_runs/*");
            }
        }
    }

    @Test
    void theWorkerSendsOnlyToItsTargetUnderTheTargetsCondition() {
        Map<String, Object> policy = Cfn.map(Cfn.oneOrMany(
                        Cfn.properties(Cfn.resource(template, "WorkerRole")).get("Policies"))
                .get(0));
        List<Object> entries =
                Cfn.oneOrMany(Cfn.map(policy.get("PolicyDocument")).get("Statement"));
        Map<String, String> conditionByAction = new java.util.TreeMap<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> m && m.get("Fn::If") instanceof List<?> branches) {
                Map<String, Object> statement = Cfn.map(branches.get(1));
                Cfn.oneOrMany(statement.get("Action"))
                        .forEach(a -> conditionByAction.put((String) a, (String) branches.get(0)));
                if (statement.get("Action").toString().matches(".*(PutEvents|PutRecords|DescribeApiDestination).*")) {
                    assertThat(statement.get("Resource")).isEqualTo(Map.of("Ref", "TargetArn"));
                }
            }
        }
        assertThat(conditionByAction)
                .containsEntry("events:DescribeApiDestination", "TargetIsHttp")
                .containsEntry("pipes:DescribePipe", "HasPipe")
                .containsEntry("events:DescribeConnection", "HasConnection")
                .containsEntry("secretsmanager:GetSecretValue", "HasConnection")
                .containsEntry("events:PutEvents", "TargetIsEventBridge")
                .containsEntry("kinesis:PutRecords", "TargetIsKinesis")
                .containsEntry("kms:Decrypt", "HasArchiveKmsKey");
    }

    @Test
    void theWorkerIsTheJavaHandlerTheStateMachineInvokesWithItsSettings() {
        Map<String, Object> function = Cfn.properties(Cfn.resource(template, "WorkerFunction"));
        assertThat(function)
                .containsEntry("Handler", "dev.pipesrecovery.replay.worker.ReplayWorkerHandler::handleRequest")
                .containsEntry("Runtime", "java21");
        assertThat(Cfn.map(function.get("Code")))
                .containsEntry("S3Bucket", Map.of("Ref", "WorkerCodeS3Bucket"))
                .containsEntry("S3Key", Map.of("Ref", "WorkerCodeS3Key"));
        assertThat(Cfn.map(Cfn.map(function.get("Environment")).get("Variables"))
                        .keySet())
                .containsExactlyInAnyOrder(
                        "ARCHIVE_BUCKET",
                        "ARCHIVE_PREFIX",
                        "REPLAY_CONSUMER",
                        "REPLAY_TARGET_KIND",
                        "REPLAY_TARGET_ARN",
                        "REPLAY_PIPE",
                        "REPLAY_CONNECTION",
                        "REPLAY_EVENT_SOURCE",
                        "REPLAY_DETAIL_TYPE");
    }

    @Test
    void theWorkerDescribesThePipeNamedByPipeNameOnlyAndOnlyForAnApiDestination() {
        List<Map<String, Object>> statements = statements("WorkerRole");
        Object resource = resourceOf(statements, "pipes:DescribePipe");
        assertThat(IamPolicyTest.subText(Cfn.map(resource).get("Fn::Sub")))
                .isEqualTo("arn:${AWS::Partition}:pipes:${AWS::Region}:${AWS::AccountId}:pipe/${PipeName}");
        assertThat(Cfn.section(template, "Conditions").get("HasPipe").toString())
                .as("no pipe permission for an event bus or a stream, nor for an empty PipeName")
                .contains("TargetIsHttp", "PipeName");
        Map<String, Object> variables = Cfn.map(
                Cfn.map(Cfn.properties(Cfn.resource(template, "WorkerFunction")).get("Environment"))
                        .get("Variables"));
        assertThat(variables).containsEntry("REPLAY_PIPE", Map.of("Ref", "PipeName"));
        assertThat(variables.get("REPLAY_EVENT_SOURCE").toString()).contains("TargetIsEventBridge", "EventSource");
        assertThat(variables.get("REPLAY_DETAIL_TYPE").toString()).contains("TargetIsEventBridge", "EventDetailType");
    }

    @Test
    void theAlarmWatchesTheStateMachinesFailedAbortedAndTimedOutExecutions() {
        Map<String, Object> alarm = Cfn.properties(Cfn.resource(template, "ReplayRunFailedAlarm"));
        List<String> metrics = new ArrayList<>();
        for (Object query : Cfn.oneOrMany(alarm.get("Metrics"))) {
            if (Cfn.map(query).get("MetricStat") != null) {
                Map<String, Object> metric =
                        Cfn.map(Cfn.map(Cfn.map(query).get("MetricStat")).get("Metric"));
                assertThat(metric.get("Namespace")).isEqualTo("AWS/States");
                assertThat(metric.get("Dimensions"))
                        .isEqualTo(List.of(
                                Map.of("Name", "StateMachineArn", "Value", Map.of("Ref", "ReplayStateMachine"))));
                metrics.add((String) metric.get("MetricName"));
            }
        }
        assertThat(metrics).containsExactlyInAnyOrder("ExecutionsFailed", "ExecutionsAborted", "ExecutionsTimedOut");
    }

    private List<Map<String, Object>> statements(String role) {
        return IamPolicyTest.statements(Map.of("Resources", Map.of(role, Cfn.resource(template, role))));
    }

    private static List<String> actions(List<Map<String, Object>> statements) {
        List<String> actions = new ArrayList<>();
        statements.forEach(s -> Cfn.oneOrMany(s.get("Action")).forEach(a -> actions.add((String) a)));
        return actions;
    }

    private static Object resourceOf(List<Map<String, Object>> statements, String action) {
        return statements.stream()
                .filter(s -> Cfn.oneOrMany(s.get("Action")).contains(action))
                .findFirst()
                .orElseThrow()
                .get("Resource");
    }

    private static List<String> s3Resources(List<Map<String, Object>> statements) {
        TreeSet<String> resources = new TreeSet<>();
        for (Map<String, Object> statement : statements) {
            if (statement.get("Action").toString().contains("s3:")) {
                resources.add(
                        IamPolicyTest.subText(Cfn.map(statement.get("Resource")).get("Fn::Sub")));
            }
        }
        return List.copyOf(resources);
    }
}
