package dev.pipesrecovery.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Least privilege: no action or resource wildcard beyond a documented list. */
class IamPolicyTest {

    /**
     * The documented wildcards, each as "template: Sid-or-action -> value", with why:
     * - the archive bucket's TLS-only statement denies every S3 action ("s3:*") on the bucket and its objects; a Deny
     *   widens nothing.
     * - the hydrate role writes objects anywhere under the archive prefix ("<bucket>/<prefix>/*"): keys are per record.
     * - each DLQ's TLS-only statement denies every SQS action ("sqs:*") on the queue; a Deny widens nothing.
     * - the replay worker reads and tags the records under its one consumer's prefix, reads the runs and writes
     *   checkpoints under _runs/<runId>/keys/ (keys per record, per run and per key), sees run.json's tag count
     *   (_runs/<runId>/run.json); it may describe its one
     *   connection and read that connection's secret, whose ARNs end with ids EventBridge chooses.
     * - the replay state machine follows and stops its own executions (names per run and per child), redrives its
     *   Map Run's children, reads plans and writes reports under _runs/ (a key per run).
     */
    private static final List<String> ALLOWED_WILDCARDS = List.of(
            "pipe.yaml: Deny sqs:* -> sqs:*",
            "recovery.yaml: Deny s3:* -> s3:*",
            "recovery.yaml: Deny s3:* -> ${ArchiveBucket.Arn}/*",
            "recovery.yaml: Allow s3:PutObject -> ${ArchiveBucket.Arn}/${ArchivePrefix}/*",
            // X-Ray's write actions take no resource (HydrateTracing Active only)
            "recovery.yaml: Allow xray:PutTraceSegments,xray:PutTelemetryRecords -> *",
            "replay.yaml: Allow s3:GetObject,s3:GetObjectTagging,s3:PutObjectTagging -> ${Bucket}/${ArchivePrefix}/${Consumer}/*",
            "replay.yaml: Allow s3:GetObject -> ${Bucket}/${ArchivePrefix}/_runs/*",
            "replay.yaml: Allow s3:GetObjectTagging -> ${Bucket}/${ArchivePrefix}/_runs/*/run.json",
            "replay.yaml: Allow s3:PutObject -> ${Bucket}/${ArchivePrefix}/_runs/*/keys/*",
            "replay.yaml: Allow events:DescribeConnection -> arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:connection/${ConnectionName}/*",
            "replay.yaml: Allow secretsmanager:GetSecretValue -> arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:events!connection/${ConnectionName}/*",
            "replay.yaml: Allow states:DescribeExecution,states:StopExecution -> arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${AWS::StackName}:*",
            "replay.yaml: Allow states:RedriveExecution -> arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${AWS::StackName}/ReplayKeys:*",
            "replay.yaml: Allow s3:GetObject -> ${Bucket}/${ArchivePrefix}/_runs/*/plan.jsonl",
            "replay.yaml: Allow s3:PutObject,s3:GetObject,s3:ListMultipartUploadParts,s3:AbortMultipartUpload -> ${Bucket}/${ArchivePrefix}/_runs/*/report/*");

    @Test
    void noWildcardBeyondTheDocumentedList() {
        List<String> wildcards = new ArrayList<>();
        for (Path template : Templates.ALL) {
            for (Map<String, Object> statement : statements(Templates.load(template))) {
                String effect = (String) statement.get("Effect");
                String actions = String.join(
                        ",",
                        Cfn.oneOrMany(statement.get("Action")).stream()
                                .map(String::valueOf)
                                .toList());
                for (Object action : Cfn.oneOrMany(statement.get("Action"))) {
                    if (String.valueOf(action).contains("*")) {
                        wildcards.add(template.getFileName() + ": " + effect + " " + actions + " -> " + action);
                    }
                }
                for (Object resource : Cfn.oneOrMany(statement.get("Resource"))) {
                    String text = resource instanceof Map<?, ?> m && m.get("Fn::Sub") != null
                            ? subText(m.get("Fn::Sub"))
                            : String.valueOf(resource);
                    if (text.contains("*")) {
                        wildcards.add(template.getFileName() + ": " + effect + " " + actions + " -> " + text);
                    }
                }
            }
        }
        assertThat(wildcards).containsExactlyInAnyOrderElementsOf(ALLOWED_WILDCARDS);
    }

    /** Issue 10 item 13: whoever may send to a DLQ decides which stream is read into which consumer's archive. */
    @Test
    void onlyThePipeRoleOrTheNamedRedriveRoleMaySendToTheDlq() {
        Map<String, Object> template = Templates.load(Templates.PIPE);
        Map<String, Object> policy = Cfn.properties(Cfn.resource(template, "DeadLetterQueuePolicy"));
        assertThat(Cfn.oneOrMany(policy.get("Queues"))).containsExactly(Map.of("Ref", "DeadLetterQueue"));
        Map<String, Object> onlyPipe =
                statements(Map.of("Resources", Map.of("P", Cfn.resource(template, "DeadLetterQueuePolicy")))).stream()
                        .filter(s -> "OnlyThePipeSends".equals(s.get("Sid")))
                        .findFirst()
                        .orElseThrow();
        assertThat(onlyPipe.get("Effect")).isEqualTo("Deny");
        assertThat(onlyPipe.get("Principal")).isEqualTo("*");
        assertThat(onlyPipe.get("Action")).isEqualTo("sqs:SendMessage");
        assertThat(onlyPipe.get("Resource")).isEqualTo(Cfn.getAtt("DeadLetterQueue", "Arn"));
        String allowed = Cfn.map(Cfn.map(onlyPipe.get("Condition")).get("ArnNotEquals"))
                .get("aws:PrincipalArn")
                .toString();
        assertThat(allowed)
                .contains("PipeRole, Arn")
                .contains("DlqRedriveRoleArn")
                .doesNotContain("Hydrate");
        List<Object> tags = Cfn.oneOrMany(
                Cfn.properties(Cfn.resource(template, "DeadLetterQueue")).get("Tags"));
        assertThat(tags.toString())
                .contains("pipes-recovery:consumer")
                .contains("{Ref=PipeName}")
                .contains("pipes-recovery:stream");
    }

    @Test
    void noNegatedStatementsAndOnlyDenyHasAStarPrincipal() {
        for (Path template : Templates.ALL) {
            for (Map<String, Object> statement : statements(Templates.load(template))) {
                assertThat(statement)
                        .as(template + " " + statement)
                        .doesNotContainKeys("NotAction", "NotResource", "NotPrincipal");
                if ("*".equals(statement.get("Principal"))) {
                    assertThat(statement.get("Effect")).as(statement.toString()).isEqualTo("Deny");
                }
            }
        }
    }

    @Test
    void hydrateRoleHasNoStreamAccessOfItsOwn() {
        Map<String, Object> role = Cfn.resource(Templates.load(Templates.RECOVERY), "HydrateRole");
        List<String> actions = new ArrayList<>();
        for (Map<String, Object> statement : statements(Map.of("Resources", Map.of("HydrateRole", role)))) {
            Cfn.oneOrMany(statement.get("Action")).forEach(a -> actions.add(String.valueOf(a)));
        }
        assertThat(actions)
                .containsExactlyInAnyOrder(
                        "s3:PutObject",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents",
                        "kms:GenerateDataKey",
                        "xray:PutTraceSegments",
                        "xray:PutTelemetryRecords");
    }

    @Test
    void eachPipeStackGrantsTheHydrateRoleItsOwnStreamAndDlqOnly() {
        Map<String, Object> policy =
                Cfn.properties(Cfn.resource(Templates.load(Templates.PIPE), "HydrateStreamAccessPolicy"));
        assertThat(policy.get("Roles").toString()).contains("${RecoveryStackName}-HydrateRoleName");
        List<Map<String, Object>> statements =
                statements(Map.of("Resources", Map.of("P", Map.of("Type", "AWS::IAM::Policy", "Properties", policy))));
        Map<String, Object> sqs = statements.stream()
                .filter(s -> s.get("Action").toString().contains("sqs:"))
                .findFirst()
                .orElseThrow();
        assertThat(Cfn.oneOrMany(sqs.get("Action")))
                .containsExactlyInAnyOrder(
                        "sqs:ReceiveMessage",
                        "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes",
                        "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueUrl",
                        "sqs:ListQueueTags");
        assertThat(sqs.get("Resource")).isEqualTo(Cfn.getAtt("DeadLetterQueue", "Arn"));
        Map<String, Object> kinesis = statements.stream()
                .filter(s -> s.get("Action").toString().contains("kinesis:"))
                .findFirst()
                .orElseThrow();
        assertThat(Cfn.oneOrMany(kinesis.get("Action")))
                .containsExactlyInAnyOrder(
                        "kinesis:GetRecords",
                        "kinesis:GetShardIterator",
                        "kinesis:DescribeStreamSummary",
                        "kinesis:ListShards");
        assertThat(kinesis.get("Resource").toString())
                .contains("stream/${StreamName}")
                .contains("Stream, Arn");
    }

    /** The template string of an Fn::Sub, in its short ("text") or long (["text", {variables}]) form. */
    static String subText(Object sub) {
        return sub instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(sub);
    }

    /** Every IAM statement in the template: role inline policies, managed/attached policies, bucket policies. */
    static List<Map<String, Object>> statements(Map<String, Object> template) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> resource : Cfn.resources(template).values()) {
            Map<String, Object> properties = Cfn.properties(resource);
            List<Object> documents = new ArrayList<>();
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::IAM::Role" ->
                    Cfn.oneOrMany(properties.get("Policies"))
                            .forEach(p -> documents.add(Cfn.map(p).get("PolicyDocument")));
                case "AWS::IAM::Policy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" ->
                    documents.add(properties.get("PolicyDocument"));
                default -> {}
            }
            // Fn::If branches hold whole statements: take every mapping with an Effect
            documents.forEach(d -> statements.addAll(Cfn.mappingsWithKey(d, "Effect")));
        }
        return statements;
    }
}
